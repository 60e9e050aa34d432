package org.rapport.security.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.security.Access;
import org.rapport.security.Principal;
import org.rapport.security.Role;
import org.rapport.web.ApiException;
import org.rapport.web.JsonServlet;

/** {@code /api/v1/tokens}: API tokens; admins see and revoke all, others their own. */
@Component(service = Servlet.class, property = {
    Access.READ + "=" + Access.AUTHENTICATED,
    Access.SCOPE + "=tokens"})
@HttpWhiteboardServletPattern({"/api/v1/tokens", "/api/v1/tokens/*"})
public final class TokensServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;

    record CreateRequest(String name, List<String> scopes, List<String> roles, Integer expiresInDays) {
    }

    private final transient Tokens tokens;

    @Activate
    public TokensServlet(@Reference Tokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Principal principal = principal(req);
        List<String> path = ApiPath.segments(req);
        if (!path.isEmpty()) {
            throw ApiException.notFound("No such resource");
        }
        Long owner = principal.hasRole(Role.ADMIN) ? null : principal.userId();
        writeJson(resp, 200, Map.of("items", tokens.list(owner).stream().map(UserViews::token).toList()));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Principal principal = principal(req);
        if (!ApiPath.segments(req).isEmpty()) {
            throw ApiException.notFound("No such resource");
        }
        CreateRequest create = readJson(req, CreateRequest.class, 16 * 1024);
        Tokens.Created created = tokens.create(principal, create.name(), create.scopes(), create.roles(), create.expiresInDays());
        Map<String, Object> body = UserViews.token(created.row());
        body.put("token", created.secret());
        resp.setHeader("Location", "/api/v1/tokens/" + created.row().id());
        writeJson(resp, 201, body);
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Principal principal = principal(req);
        List<String> path = ApiPath.segments(req);
        if (path.size() != 1) {
            throw new ApiException(405, "method_not_allowed", "DELETE is supported on /api/v1/tokens/{id}");
        }
        TokenRow token = tokens.byId(path.get(0))
                .filter(t -> t.userId() == principal.userId() || principal.hasRole(Role.ADMIN))
                .orElseThrow(() -> ApiException.notFound("No token " + path.get(0)));
        tokens.revoke(token.id());
        resp.setStatus(204);
    }

    private static Principal principal(HttpServletRequest req) {
        return org.rapport.security.Access.principal(req)
                .orElseThrow(() -> new ApiException(401, "unauthenticated", "Sign in first"));
    }
}
