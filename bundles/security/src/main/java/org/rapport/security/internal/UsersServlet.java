package org.rapport.security.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
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

/**
 * {@code /api/v1/users}: staff accounts, for admins — except that every signed-in user may
 * change their own password ({@code POST /api/v1/users/{own id}/password} with
 * {@code currentPassword}) and set their own email address ({@code PUT /api/v1/users/{own id}/email}). Writes are therefore declared for any signed-in caller and the
 * admin role is checked here.
 */
@Component(service = Servlet.class, property = {
    Access.READ + "=" + "admin",
    Access.WRITE + "=" + Access.AUTHENTICATED,
    Access.SCOPE + "=users"})
@HttpWhiteboardServletPattern({"/api/v1/users", "/api/v1/users/*"})
public final class UsersServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;

    record CreateRequest(String username, String displayName, String password, List<String> roles, String email) {
    }

    record UpdateRequest(String displayName, List<String> roles, Boolean enabled, String email) {
    }

    record EmailRequest(String email) {
    }

    record PasswordRequest(String currentPassword, String password) {
    }

    private final transient Accounts accounts;
    private final transient Sessions sessions;
    private final transient Tokens tokens;

    @Activate
    public UsersServlet(@Reference Accounts accounts, @Reference Sessions sessions, @Reference Tokens tokens) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.tokens = tokens;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<String> path = ApiPath.segments(req);
        if (path.isEmpty()) {
            writeJson(resp, 200, Map.of("items", accounts.rows().stream().map(UserViews::user).toList()));
        } else if (path.size() == 1) {
            long id = ApiPath.id(path.get(0));
            writeJson(resp, 200, UserViews.user(accounts.row(id).orElseThrow(() -> ApiException.notFound("No user " + id))));
        } else {
            throw ApiException.notFound("No such resource");
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<String> path = ApiPath.segments(req);
        Caller caller = caller(req);
        if (path.isEmpty()) {
            requireAdmin(caller);
            CreateRequest create = readJson(req, CreateRequest.class, 64 * 1024);
            UserRow user = accounts.create(create.username(), create.displayName(), create.password(), create.roles(), create.email());
            resp.setHeader("Location", "/api/v1/users/" + user.id());
            writeJson(resp, 201, UserViews.user(user));
        } else if (path.size() == 2 && "password".equals(path.get(1))) {
            changePassword(req, resp, caller, ApiPath.id(path.get(0)));
        } else {
            throw ApiException.notFound("No such resource");
        }
    }

    private void changePassword(HttpServletRequest req, HttpServletResponse resp, Caller caller, long id) throws IOException {
        boolean self = caller.principal().userId() == id;
        boolean admin = caller.principal().hasRole(Role.ADMIN);
        if (!self) {
            requireAdmin(caller);
        }
        PasswordRequest change = readJson(req, PasswordRequest.class, 16 * 1024);
        if (self && !admin) {
            UserRow user = accounts.row(id).orElseThrow(() -> ApiException.notFound("No user " + id));
            if (change.currentPassword() == null || !accounts.passwordMatches(user, change.currentPassword())) {
                Map<String, String> errors = new LinkedHashMap<>();
                errors.put("currentPassword", "is not your current password");
                throw ApiException.invalid(errors);
            }
        }
        accounts.setPassword(id, change.password());
        sessions.endAllOf(id, self ? caller.sessionId() : null);
        resp.setStatus(204);
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<String> path = ApiPath.segments(req);
        Caller caller = caller(req);
        if (path.size() == 2 && "email".equals(path.get(1))) {
            long id = ApiPath.id(path.get(0));
            if (caller.principal().userId() != id) {
                requireAdmin(caller);
            }
            EmailRequest change = readJson(req, EmailRequest.class, 16 * 1024);
            writeJson(resp, 200, UserViews.user(accounts.setEmail(id, change == null ? null : change.email())));
            return;
        }
        requireAdmin(caller);
        if (path.size() != 1) {
            throw new ApiException(405, "method_not_allowed", "PUT is supported on /api/v1/users/{id} and /api/v1/users/{id}/email");
        }
        long id = ApiPath.id(path.get(0));
        UpdateRequest update = readJson(req, UpdateRequest.class, 64 * 1024);
        if (update.email() != null) {
            Map<String, String> errors = new LinkedHashMap<>();
            AccountRules.email(update.email(), errors);
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
        }
        UserRow user = accounts.update(id, update.displayName(), update.roles(), update.enabled());
        if (update.email() != null) {
            user = accounts.setEmail(id, update.email());
        }
        if (!user.enabled()) {
            sessions.endAllOf(id, null);
            tokens.revokeAllOf(id);
        }
        writeJson(resp, 200, UserViews.user(user));
    }

    private static Caller caller(HttpServletRequest req) {
        if (req.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller) {
            return caller;
        }
        throw new ApiException(401, "unauthenticated", "Sign in first");
    }

    private static void requireAdmin(Caller caller) {
        Principal principal = caller.principal();
        if (!principal.hasRole(Role.ADMIN)) {
            throw new ApiException(403, "forbidden", "Only admins manage users");
        }
    }
}
