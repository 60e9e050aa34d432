package org.rapport.security.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.security.Access;
import org.rapport.web.ApiException;
import org.rapport.web.JsonServlet;

/** {@code POST /api/v1/auth/login}: signs in with username and password and starts a session. */
@Component(service = Servlet.class, property = Access.READ + "=" + Access.PUBLIC)
@HttpWhiteboardServletPattern("/api/v1/auth/login")
public final class LoginServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;

    record LoginRequest(String username, String password) {
    }

    private final transient Accounts accounts;
    private final transient Sessions sessions;
    private final transient IpBackoff backoff = new IpBackoff();

    @Activate
    public LoginServlet(@Reference Accounts accounts, @Reference Sessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        LoginRequest login = readJson(req, LoginRequest.class, 16 * 1024);
        if (login.username() == null || login.password() == null) {
            throw ApiException.badRequest("Send {\"username\": ..., \"password\": ...}");
        }
        String address = req.getRemoteAddr();
        pause(backoff.delayMillis(address, Instant.now()));
        LoginOutcome outcome = accounts.login(login.username(), login.password());
        if (outcome instanceof LoginOutcome.Locked locked) {
            backoff.recordFailure(address, Instant.now());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "locked");
            body.put("message", "Too many failed sign-ins for this username; try again later");
            body.put("retryAfterSeconds", locked.retryAfterSeconds());
            resp.setHeader("Retry-After", Long.toString(locked.retryAfterSeconds()));
            writeJson(resp, 429, body);
            return;
        }
        if (!(outcome instanceof LoginOutcome.Success success)) {
            backoff.recordFailure(address, Instant.now());
            throw new ApiException(401, "invalid_credentials", "Wrong username or password");
        }
        sessions.end(SessionCookie.read(req)); // a new id at every sign-in
        Sessions.NewSession session = sessions.create(success.user().id());
        SessionCookie.set(req, resp, session.id(), accounts.settings().secureCookie());
        writeJson(resp, 200, UserViews.signedIn(UserViews.principal(success.user()), session.csrfToken(), success.user().email()));
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
