package org.rapport.compliance.internal.rest;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.compliance.internal.monitor.Alert;
import org.rapport.compliance.internal.monitor.Alerts;
import org.rapport.compliance.internal.monitor.Monitor;
import org.rapport.security.Access;
import org.rapport.web.ApiException;

/**
 * Compliance alerts: {@code GET /api/v1/compliance/alerts?status=open|acknowledged|resolved&rule=&page=&size=}
 * → {@code {"items", "counts", "chain"}} (chain: the last scheduled verification of the audit log, or null); {@code POST /api/v1/compliance/alerts/{id}/acknowledge}; {@code POST .../{id}/resolve {"note"}}.
 */
@Component(service = Servlet.class, property = {
    Access.READ + "=admin,auditor",
    Access.WRITE + "=admin,auditor",
    Access.SCOPE + "=compliance"})
@HttpWhiteboardServletPattern({"/api/v1/compliance/alerts", "/api/v1/compliance/alerts/*"})
public final class ComplianceAlertsServlet extends ComplianceServlet {
    private static final long serialVersionUID = 1L;
    private static final Set<String> STATUSES = Set.of("open", "acknowledged", "resolved");

    private final transient Alerts alerts;
    private final transient Monitor monitor;

    /** The body of a resolution. */
    record ResolveBody(String note) {
    }

    @Activate
    public ComplianceAlertsServlet(@Reference Alerts alerts, @Reference Monitor monitor) {
        this.alerts = alerts;
        this.monitor = monitor;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = rest(req, 4);
        if (path.length == 1) {
            long id = id(path[0], "alert");
            writeJson(resp, 200, alerts.alert(id).orElseThrow(() -> ApiException.notFound("No alert " + id)));
            return;
        }
        if (path.length != 0) {
            throw ApiException.notFound("No such resource");
        }
        String status = text(req, "status");
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badRequest("status must be open, acknowledged or resolved");
        }
        String rule = text(req, "rule");
        if (rule != null && !rule.matches("[a-z_]{1,40}")) {
            throw ApiException.badRequest("rule is not a rule id");
        }
        int page = integer(req, "page", 1, 1, 100_000);
        int size = integer(req, "size", 50, 1, 500);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("items", alerts.list(status, rule, (page - 1) * size, size));
        body.put("counts", alerts.countsByStatus());
        body.put("chain", monitor.lastVerification());
        writeJson(resp, 200, body);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = rest(req, 4);
        if (path.length != 2) {
            throw ApiException.notFound("No such resource");
        }
        long id = id(path[0], "alert");
        Alert alert = alerts.alert(id).orElseThrow(() -> ApiException.notFound("No alert " + id));
        switch (path[1]) {
            case "acknowledge" -> {
                if (!alerts.acknowledge(alert.id(), caller(req))) {
                    throw ApiException.conflict("The alert is " + alert.status() + ", not open");
                }
            }
            case "resolve" -> {
                ResolveBody body = readJson(req, ResolveBody.class);
                if (body.note() == null || body.note().isBlank()) {
                    throw ApiException.invalid(Map.of("note", "is required: say what was found or done"));
                }
                if (body.note().length() > 1000) {
                    throw ApiException.invalid(Map.of("note", "at most 1000 characters"));
                }
                if (!alerts.resolve(alert.id(), body.note().strip(), caller(req))) {
                    throw ApiException.conflict("The alert is resolved already");
                }
            }
            default -> throw ApiException.notFound("No such resource");
        }
        writeJson(resp, 200, alerts.alert(id).orElseThrow());
    }
}
