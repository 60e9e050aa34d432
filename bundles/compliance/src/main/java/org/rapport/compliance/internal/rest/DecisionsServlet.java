package org.rapport.compliance.internal.rest;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.compliance.Decision;
import org.rapport.compliance.internal.dsr.DataSubjects;
import org.rapport.compliance.internal.gate.DecisionRepository;
import org.rapport.security.Access;
import org.rapport.store.Store;
import org.rapport.web.ApiException;

/**
 * The gate's decision log and the data-subject requests, for admins and auditors:
 * {@code GET /api/v1/compliance/decisions?contactId=&decision=&reason=&from=&to=&dryRuns=&page=&size=} and
 * {@code GET /api/v1/compliance/requests?contactId=&from=&to=&page=&size=}.
 */
@Component(service = Servlet.class, property = {
    Access.READ + "=admin,auditor",
    Access.WRITE + "=admin",
    Access.SCOPE + "=compliance",
    org.rapport.security.Audit.PROPERTY + "=true"})
@HttpWhiteboardServletPattern({"/api/v1/compliance/decisions", "/api/v1/compliance/requests"})
public final class DecisionsServlet extends ComplianceServlet {
    private static final long serialVersionUID = 1L;

    private final transient Store store;
    private final transient DataSubjects subjects;

    @Activate
    public DecisionsServlet(@Reference Store store, @Reference DataSubjects subjects) {
        this.store = store;
        this.subjects = subjects;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        int page = integer(req, "page", 1, 1, 100_000);
        int size = integer(req, "size", 50, 1, 500);
        Long contactId = optionalId(req, "contactId");
        if (req.getServletPath().endsWith("/requests")) {
            var rows = subjects.requests(contactId, instant(req, "from", false), instant(req, "to", true), (page - 1) * size, size);
            org.rapport.security.Audit.record(req, org.rapport.security.Audit.Entry.readMany("contact",
                    rows.stream().map(r -> r.contactId()).distinct().toList()));
            writeJson(resp, 200, Map.of("items", rows));
            return;
        }
        Decision decision = null;
        String text = text(req, "decision");
        if (text != null) {
            try {
                decision = Decision.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("decision must be allow, deny or defer");
            }
        }
        String reason = text(req, "reason");
        if (reason != null && !reason.matches("[a-z_]{1,40}")) {
            throw ApiException.badRequest("reason must be a reason code such as opted_out");
        }
        DecisionRepository.Filter filter = new DecisionRepository.Filter(contactId, decision, reason, instant(req, "from", false),
                instant(req, "to", true), "true".equals(text(req, "dryRuns")));
        var rows = store.jdbi().withHandle(h -> DecisionRepository.list(h, filter, (page - 1) * size, size));
        long total = store.jdbi().withHandle(h -> DecisionRepository.count(h, filter));
        org.rapport.security.Audit.record(req, org.rapport.security.Audit.Entry.readMany("contact",
                rows.stream().map(DecisionRepository.Row::contactId).filter(java.util.Objects::nonNull).distinct().toList()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", rows.stream().map(DecisionsServlet::json).toList());
        body.put("total", total);
        body.put("page", page);
        body.put("size", size);
        writeJson(resp, 200, body);
    }

    private static Map<String, Object> json(DecisionRepository.Row r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("decidedAt", r.decidedAt());
        json.put("contactId", r.contactId());
        json.put("channel", r.channel());
        json.put("purpose", r.purpose().id());
        json.put("sender", r.sender());
        json.put("reference", r.reference());
        json.put("replyToClient", r.reply());
        json.put("decision", r.decision().name().toLowerCase(Locale.ROOT));
        json.put("reasonCode", r.reasonCode());
        json.put("reason", r.reason());
        json.put("retryAt", r.retryAt());
        json.put("counted", r.counted());
        json.put("dryRun", r.dryRun());
        return json;
    }
}
