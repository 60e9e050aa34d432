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
import org.rapport.compliance.GateDecision;
import org.rapport.compliance.OutboundRequest;
import org.rapport.compliance.Purpose;
import org.rapport.compliance.internal.gate.GateService;
import org.rapport.security.Access;
import org.rapport.web.ApiException;

/**
 * A dry run of the gate for admins configuring rules: {@code POST /api/v1/compliance/check} with
 * {@code {"contactId", "channel", "purpose", "content", "address"?, "replyToClient"?}} →
 * {@code {"decision": "allow" | "deny" | "defer", "reasonCode", "reason", "retryAt", "id"}}. The
 * decision is stored as a dry run and never counts against frequency caps.
 */
@Component(service = Servlet.class, property = {
    Access.READ + "=admin",
    Access.WRITE + "=admin",
    Access.SCOPE + "=compliance"})
@HttpWhiteboardServletPattern("/api/v1/compliance/check")
public final class ComplianceCheckServlet extends ComplianceServlet {
    private static final long serialVersionUID = 1L;

    private final transient GateService gate;

    /** The body of a dry run. */
    record CheckBody(Long contactId, String channel, String purpose, String content, String address, Boolean replyToClient) {
    }

    @Activate
    public ComplianceCheckServlet(@Reference GateService gate) {
        this.gate = gate;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        CheckBody body = readJson(req, CheckBody.class);
        Map<String, String> errors = new LinkedHashMap<>();
        String channel = channel(body.channel(), errors);
        Purpose purpose = purpose(body.purpose(), errors);
        if (body.contactId() != null && body.contactId() <= 0) {
            errors.put("contactId", "must be a contact id");
        }
        if (body.content() != null && body.content().length() > 100_000) {
            errors.put("content", "at most 100000 characters");
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        GateDecision decision = gate.dryRun(new OutboundRequest(body.contactId(), channel, body.address(), purpose,
                body.content() == null ? "" : body.content(), "console", Boolean.TRUE.equals(body.replyToClient()), null), caller(req));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("decision", decision.decision().name().toLowerCase(Locale.ROOT));
        answer.put("reasonCode", decision.reasonCode());
        answer.put("reason", decision.reason());
        answer.put("retryAt", decision.retryAt());
        answer.put("id", decision.id());
        writeJson(resp, 200, answer);
    }
}
