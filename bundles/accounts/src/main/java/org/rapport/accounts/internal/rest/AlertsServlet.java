package org.rapport.accounts.internal.rest;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.accounts.Accounts;
import org.rapport.security.Access;
import org.rapport.security.Audit;
import org.rapport.web.ApiException;

/** REST for the caller's alerts: {@code GET /api/v1/alerts[?all=true]}, {@code POST /api/v1/alerts/{id}/read}. */
@Component(service = Servlet.class, property = {
    Access.READ + "=admin,manager,agent",
    Access.WRITE + "=admin,manager,agent",
    Access.SCOPE + "=accounts",
    Audit.PROPERTY + "=true"})
@HttpWhiteboardServletPattern({"/api/v1/alerts", "/api/v1/alerts/*"})
public final class AlertsServlet extends AccountsJsonServlet {
    private static final long serialVersionUID = 1L;

    private final transient Accounts accounts;

    @Activate
    public AlertsServlet(@Reference Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (path(req).length != 0) {
            throw ApiException.notFound("No such resource");
        }
        boolean all = "true".equals(req.getParameter("all"));
        var alerts = accounts.alerts(caller(req).userId(), all, limit(req, 50));
        Audit.record(req, Audit.Entry.readMany("client", alerts.stream().map(a -> a.clientId()).distinct().toList()));
        writeJson(resp, 200, Map.of("items", alerts));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = path(req);
        if (path.length != 2 || !path[1].equals("read")) {
            throw ApiException.notFound("No such resource");
        }
        accounts.markRead(id(path[0], "alert"), caller(req).userId());
        resp.setStatus(204);
    }
}
