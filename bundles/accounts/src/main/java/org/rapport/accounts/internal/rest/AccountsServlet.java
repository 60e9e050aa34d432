package org.rapport.accounts.internal.rest;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.accounts.Accounts;
import org.rapport.accounts.ClientAccount;
import org.rapport.accounts.internal.AccountsInsight;
import org.rapport.security.Access;
import org.rapport.security.Audit;
import org.rapport.security.Principal;
import org.rapport.security.Role;
import org.rapport.web.ApiException;

/**
 * REST for client accounts: {@code GET /api/v1/accounts/overview}, {@code GET /api/v1/accounts/overdue},
 * {@code POST /api/v1/accounts/rebalance}, {@code POST /api/v1/accounts/recompute}, and per client
 * {@code GET /api/v1/accounts/{clientId}}, {@code POST .../recompute}, {@code POST .../reassign},
 * {@code PUT|DELETE .../override}.
 */
@Component(service = Servlet.class, property = {
    Access.READ + "=" + Access.AUTHENTICATED,
    Access.WRITE + "=admin,manager",
    Access.SCOPE + "=accounts",
    Audit.PROPERTY + "=true"})
@HttpWhiteboardServletPattern({"/api/v1/accounts", "/api/v1/accounts/*"})
public final class AccountsServlet extends AccountsJsonServlet {
    private static final long serialVersionUID = 1L;

    private final transient Accounts accounts;
    private final transient AccountsInsight insight;

    @Activate
    public AccountsServlet(@Reference Accounts accounts, @Reference AccountsInsight insight) {
        this.accounts = accounts;
        this.insight = insight;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = path(req);
        Principal caller = caller(req);
        if (path.length == 1 && path[0].equals("overview")) {
            var overview = insight.overview(managerFilter(req, caller));
            Audit.record(req, new Audit.Entry("read", "account", java.util.List.of(), java.util.List.of("overview"), null, null, null));
            writeJson(resp, 200, overview);
        } else if (path.length == 1 && path[0].equals("overdue")) {
            var overdue = insight.overdue(managerFilter(req, caller), limit(req, 100));
            Audit.record(req, Audit.Entry.readMany("client", overdue.stream().map(o -> o.get("clientId")).toList()));
            writeJson(resp, 200, Map.of("items", overdue));
        } else if (path.length == 1) {
            long clientId = id(path[0], "client");
            Map<String, Object> body = view(accounts.account(clientId));
            body.put("changes", accounts.changes(clientId, limit(req, 100)));
            Audit.record(req, Audit.Entry.read("account", clientId, clientId, null));
            writeJson(resp, 200, body);
        } else {
            throw ApiException.notFound("No such resource");
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = path(req);
        Principal caller = caller(req);
        if (path.length == 1 && path[0].equals("rebalance")) {
            requireAdmin(caller);
            writeJson(resp, 200, Map.of("moves", accounts.rebalance(caller)));
        } else if (path.length == 1 && path[0].equals("recompute")) {
            requireAdmin(caller);
            writeJson(resp, 200, Map.of("recomputed", accounts.recomputeAll()));
        } else if (path.length == 2 && path[1].equals("recompute")) {
            writeJson(resp, 200, view(accounts.recompute(id(path[0], "client"))));
        } else if (path.length == 2 && path[1].equals("reassign")) {
            long clientId = id(path[0], "client");
            ReassignBody body = readJson(req, ReassignBody.class);
            if (body.managerId() == null) {
                throw ApiException.invalid(Map.of("managerId", "is required"));
            }
            Audit.record(req, new Audit.Entry("update", "account", java.util.List.of(Long.toString(clientId)),
                    java.util.List.of("managerId"), clientId, null, body.reason()));
            accounts.reassign(clientId, body.managerId(), body.reason(), caller);
            writeJson(resp, 200, view(accounts.account(clientId)));
        } else {
            throw ApiException.notFound("No such resource");
        }
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = path(req);
        if (path.length != 2 || !path[1].equals("override")) {
            throw ApiException.notFound("No such resource");
        }
        OverrideBody body = readJson(req, OverrideBody.class);
        writeJson(resp, 200, view(accounts.overrideTier(id(path[0], "client"), body.tier(), body.reason(), body.expiresOn(), caller(req))));
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = path(req);
        if (path.length != 2 || !path[1].equals("override")) {
            throw ApiException.notFound("No such resource");
        }
        writeJson(resp, 200, view(accounts.clearOverride(id(path[0], "client"), caller(req))));
    }

    private static void requireAdmin(Principal caller) {
        if (!caller.hasRole(Role.ADMIN)) {
            throw new ApiException(403, "forbidden", "Only admins may do this");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> view(ClientAccount account) {
        return new LinkedHashMap<>(org.rapport.web.Json.mapper().convertValue(account, Map.class));
    }

    /** The JSON body of a manual reassignment. */
    record ReassignBody(Long managerId, String reason) {}

    /** The JSON body of a tier override. */
    record OverrideBody(String tier, String reason, LocalDate expiresOn) {}
}
