package org.rapport.compliance.internal.rest;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.compliance.internal.policy.Policies;
import org.rapport.compliance.internal.policy.Policy;
import org.rapport.security.Access;
import org.rapport.security.Principal;
import org.rapport.security.Role;
import org.rapport.web.ApiException;

/**
 * Compliance policies: {@code GET /api/v1/compliance/policies} → the policies in force with the caller's acknowledgement and
 * {@code "pending"}; {@code POST} {@code {"code", "title", "body"}} publishes (a new version when the code exists; admins);
 * {@code POST .../{id}/acknowledge}; {@code GET .../{id}} → the version with who acknowledged and who has not (admins, auditors);
 * {@code DELETE .../code/{code}} retires a policy (admins).
 */
@Component(service = Servlet.class, property = {
    Access.READ + "=" + Access.AUTHENTICATED,
    Access.WRITE + "=" + Access.AUTHENTICATED,
    Access.SCOPE + "=compliance"})
@HttpWhiteboardServletPattern({"/api/v1/compliance/policies", "/api/v1/compliance/policies/*"})
public final class PoliciesServlet extends ComplianceServlet {
    private static final long serialVersionUID = 1L;

    private final transient Policies policies;

    /** The body of a publication. */
    record PolicyBody(String code, String title, String body) {
    }

    @Activate
    public PoliciesServlet(@Reference Policies policies) {
        this.policies = policies;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = rest(req, 4);
        Principal caller = caller(req);
        if (path.length == 0) {
            List<Policies.Mine> mine = policies.mine(caller);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("items", mine.stream().map(m -> {
                Map<String, Object> json = json(m.policy());
                json.put("acknowledgedAt", m.acknowledgedAt());
                return json;
            }).toList());
            body.put("pending", mine.stream().filter(m -> m.acknowledgedAt() == null).count());
            writeJson(resp, 200, body);
            return;
        }
        if (path.length != 1) {
            throw ApiException.notFound("No such resource");
        }
        requireRole(caller, Role.ADMIN, Role.AUDITOR);
        long id = id(path[0], "policy");
        Policies.Standing standing;
        try {
            standing = policies.standing(id);
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("No policy " + id);
        }
        Map<String, Object> body = json(standing.policy());
        body.put("acknowledged", standing.acknowledged());
        body.put("pending", standing.pending());
        body.put("versions", policies.versions(standing.policy().code()).stream().map(PoliciesServlet::json).toList());
        writeJson(resp, 200, body);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = rest(req, 4);
        Principal caller = caller(req);
        if (path.length == 0) {
            requireRole(caller, Role.ADMIN);
            PolicyBody body = readJson(req, PolicyBody.class);
            Policy published;
            try {
                published = policies.publish(body.code() == null ? null : body.code().strip(), body.title(), body.body(), caller);
            } catch (IllegalArgumentException e) {
                String message = e.getMessage();
                int colon = message.indexOf(':');
                throw ApiException.invalid(Map.of(message.substring(0, colon), message.substring(colon + 1).strip()));
            }
            resp.setHeader("Location", "/api/v1/compliance/policies/" + published.id());
            writeJson(resp, 201, json(published));
            return;
        }
        if (path.length == 2 && path[1].equals("acknowledge")) {
            long id = id(path[0], "policy");
            try {
                writeJson(resp, 200, Map.of("policyId", id, "acknowledgedAt", policies.acknowledge(id, caller)));
            } catch (NoSuchElementException e) {
                throw ApiException.notFound("No policy " + id);
            } catch (IllegalStateException e) {
                throw ApiException.conflict(e.getMessage());
            }
            return;
        }
        throw ApiException.notFound("No such resource");
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = rest(req, 4);
        requireRole(caller(req), Role.ADMIN);
        if (path.length != 2 || !path[0].equals("code")) {
            throw ApiException.notFound("No such resource");
        }
        if (!policies.retire(path[1])) {
            throw ApiException.notFound("No policy in force with code '" + path[1] + "'");
        }
        resp.setStatus(204);
    }

    private static void requireRole(Principal caller, Role... roles) {
        if (!caller.hasAnyRole(java.util.Set.of(roles))) {
            throw new ApiException(403, "forbidden", "Your roles do not allow this");
        }
    }

    static Map<String, Object> json(Policy p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", p.id());
        json.put("code", p.code());
        json.put("version", p.version());
        json.put("title", p.title());
        json.put("body", p.body());
        json.put("active", p.active());
        json.put("publishedBy", p.publishedBy());
        json.put("publishedAt", p.publishedAt());
        return json;
    }
}
