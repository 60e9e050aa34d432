package org.rapport.compliance.internal.rest;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.compliance.RetentionAction;
import org.rapport.compliance.internal.retention.RetentionRule;
import org.rapport.compliance.internal.retention.RetentionService;
import org.rapport.security.Access;
import org.rapport.web.ApiException;

/**
 * Retention rules and runs: {@code GET /api/v1/compliance/retention} → {@code {"rules", "runs"}};
 * {@code PUT .../rules/{provider}/{kind}} {@code {"days", "action", "enabled"}}; {@code POST .../run} → 202 {@code {"id"}}
 * (409 while one runs); {@code GET .../runs/{id}}.
 */
@Component(service = Servlet.class, property = {
    Access.READ + "=admin,auditor",
    Access.WRITE + "=admin",
    Access.SCOPE + "=compliance"})
@HttpWhiteboardServletPattern({"/api/v1/compliance/retention", "/api/v1/compliance/retention/*"})
public final class RetentionServlet extends ComplianceServlet {
    private static final long serialVersionUID = 1L;

    private final transient RetentionService retention;

    /** The body of a rule. */
    record RuleBody(Integer days, String action, Boolean enabled) {
    }

    @Activate
    public RetentionServlet(@Reference RetentionService retention) {
        this.retention = retention;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = rest(req, 4);
        if (path.length == 0) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("rules", retention.rules().stream().map(RetentionServlet::json).toList());
            body.put("runs", retention.runs(integer(req, "limit", 20, 1, 200)));
            writeJson(resp, 200, body);
        } else if (path.length == 2 && path[0].equals("runs")) {
            long id = id(path[1], "run");
            writeJson(resp, 200, retention.run(id).orElseThrow(() -> ApiException.notFound("No retention run " + id)));
        } else {
            throw ApiException.notFound("No such resource");
        }
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = rest(req, 4);
        if (path.length != 3 || !path[0].equals("rules")) {
            throw ApiException.notFound("No such resource");
        }
        RuleBody body = readJson(req, RuleBody.class);
        Map<String, String> errors = new LinkedHashMap<>();
        if (body.days() == null) {
            errors.put("days", "is required");
        }
        RetentionAction action = null;
        try {
            action = RetentionAction.of(body.action());
        } catch (IllegalArgumentException e) {
            errors.put("action", "must be delete or anonymise");
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        boolean known = retention.rules().stream().anyMatch(r -> r.provider().equals(path[1]) && r.kind().equals(path[2]));
        if (!known) {
            throw ApiException.notFound("No kind of data '" + path[2] + "' from '" + path[1] + "'");
        }
        writeJson(resp, 200, json(retention.setRule(path[1], path[2], body.days(), action, body.enabled() == null || body.enabled(),
                caller(req))));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = rest(req, 4);
        if (path.length != 1 || !path[0].equals("run")) {
            throw ApiException.notFound("No such resource");
        }
        Optional<Long> id = retention.start(caller(req).displayName());
        if (id.isEmpty()) {
            throw ApiException.conflict("A retention run is in progress");
        }
        resp.setHeader("Location", "/api/v1/compliance/retention/runs/" + id.get());
        writeJson(resp, 202, Map.of("id", id.get()));
    }

    static Map<String, Object> json(RetentionRule r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("provider", r.provider());
        json.put("kind", r.kind());
        json.put("labels", Map.of("en", r.labelEn(), "zh", r.labelZh()));
        json.put("days", r.days());
        json.put("action", r.action().id());
        json.put("actions", r.actions().stream().map(RetentionAction::id).toList());
        json.put("enabled", r.enabled());
        json.put("defaultDays", r.defaultDays());
        json.put("custom", r.custom());
        json.put("updatedBy", r.updatedBy());
        json.put("updatedAt", r.updatedAt());
        return json;
    }
}
