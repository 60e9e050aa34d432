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
import org.rapport.accounts.AccountManager;
import org.rapport.accounts.Accounts;
import org.rapport.accounts.ManagerProfile;
import org.rapport.security.Access;
import org.rapport.web.ApiException;

/** REST for account managers: {@code GET /api/v1/managers}, {@code GET|PUT /api/v1/managers/{userId}}. */
@Component(service = Servlet.class, property = {
    Access.READ + "=admin,manager,agent,auditor",
    Access.WRITE + "=admin",
    Access.SCOPE + "=accounts"})
@HttpWhiteboardServletPattern({"/api/v1/managers", "/api/v1/managers/*"})
public final class ManagersServlet extends AccountsJsonServlet {
    private static final long serialVersionUID = 1L;

    private final transient Accounts accounts;

    @Activate
    public ManagersServlet(@Reference Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = path(req);
        if (path.length == 0) {
            writeJson(resp, 200, Map.of("items", accounts.managers().stream().map(ManagersServlet::view).toList()));
        } else if (path.length == 1) {
            long id = id(path[0], "manager");
            writeJson(resp, 200, view(accounts.manager(id).orElseThrow(() -> ApiException.notFound("No account manager " + id))));
        } else {
            throw ApiException.notFound("No such resource");
        }
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = path(req);
        if (path.length != 1) {
            throw ApiException.notFound("No such resource");
        }
        long id = id(path[0], "manager");
        ProfileBody body = readJson(req, ProfileBody.class);
        if (body.active() == null || body.capacity() == null || body.seniority() == null) {
            throw ApiException.invalid(Map.of("active/capacity/seniority", "are required"));
        }
        ManagerProfile profile = new ManagerProfile(body.active(), body.capacity(), body.seniority(), body.industries(), body.products());
        writeJson(resp, 200, view(accounts.saveManager(id, profile, caller(req))));
    }

    static Map<String, Object> view(AccountManager m) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("userId", m.userId());
        out.put("username", m.username());
        out.put("displayName", m.displayName());
        out.put("active", m.active());
        out.put("capacity", m.capacity());
        out.put("seniority", m.seniority());
        out.put("industries", m.industries().stream().sorted().toList());
        out.put("products", m.products().stream().sorted().toList());
        out.put("load", m.load());
        out.put("overCapacity", m.overCapacity());
        return out;
    }

    /** The JSON body of a profile update. */
    record ProfileBody(Boolean active, Integer capacity, Integer seniority, java.util.Set<String> industries,
            java.util.Set<String> products) {}
}
