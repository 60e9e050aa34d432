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
import org.rapport.web.ApiException;
import org.rapport.web.JsonServlet;

/** {@code GET /api/v1/auth/me}: who is signed in (with their own email address), with the session's CSRF token (null for API tokens). */
@Component(service = Servlet.class, property = Access.READ + "=" + Access.AUTHENTICATED)
@HttpWhiteboardServletPattern("/api/v1/auth/me")
public final class MeServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;

    private final transient Accounts accounts;

    @Activate
    public MeServlet(@Reference Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!(req.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller)) {
            throw new ApiException(401, "unauthenticated", "Sign in first");
        }
        String email = accounts.row(caller.principal().userId()).map(UserRow::email).orElse(null);
        writeJson(resp, 200, UserViews.signedIn(caller.principal(), caller.csrfToken(), email));
    }
}
