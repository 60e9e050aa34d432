package org.rapport.security.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.security.Access;
import org.rapport.web.JsonServlet;

/** {@code POST /api/v1/auth/logout}: ends the caller's session (if any) and clears the cookie; always 204. */
@Component(service = Servlet.class, property = Access.READ + "=" + Access.PUBLIC)
@HttpWhiteboardServletPattern("/api/v1/auth/logout")
public final class LogoutServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;

    private final transient Accounts accounts;
    private final transient Sessions sessions;

    @Activate
    public LogoutServlet(@Reference Accounts accounts, @Reference Sessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        sessions.end(SessionCookie.read(req));
        SessionCookie.clear(req, resp, accounts.settings().secureCookie());
        resp.setHeader("Cache-Control", "no-store");
        resp.setStatus(204);
    }
}
