package org.rapport.console.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * {@code GET /api/v1/console/pages} and {@code /cards}: the pages and dashboard cards the
 * caller's roles may see, with their labels in both languages.
 */
@Component(service = Servlet.class, property = {Access.READ + "=" + Access.AUTHENTICATED, Access.SCOPE + "=console"})
@HttpWhiteboardServletPattern("/api/v1/console/*")
public final class PagesServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;

    private final transient Registry registry;

    @Activate
    public PagesServlet(@Reference Registry registry) {
        this.registry = registry;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Set<Role> roles = Access.principal(req).map(Principal::roles)
                .orElseThrow(() -> new ApiException(401, "unauthenticated", "Sign in first"));
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        List<Entry> entries = switch (path) {
            case "/pages" -> registry.pages(roles);
            case "/cards" -> registry.cards(roles);
            default -> throw ApiException.notFound("No console resource at " + path);
        };
        writeJson(resp, 200, Map.of("items", entries.stream().map(Entry::toJson).toList()));
    }
}
