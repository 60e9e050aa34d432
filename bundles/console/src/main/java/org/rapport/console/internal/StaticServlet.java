package org.rapport.console.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.web.JsonServlet;

/**
 * Serves the console shell: {@code /} is {@code index.html}, {@code /console/...} the ES modules,
 * styles and images from this bundle's {@code web/} folder. Revalidated by ETag (the bundle's
 * last modification), so an updated console is picked up at once and an unchanged one costs a 304.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/", "/console/*"})
public final class StaticServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "json", "application/json",
            "ico", "image/x-icon",
            "woff2", "font/woff2");

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private final transient BundleContext context;

    @Activate
    public StaticServlet(BundleContext context) {
        this.context = context;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (path.startsWith("/api/")) {
            JsonServlet.writeError(resp, 404, "not_found", "No API resource at " + path, Map.of());
            return;
        }
        if (path.equals("/") || path.equals("/index.html")) {
            path = "/index.html";
        } else if (!path.startsWith("/console/") || path.contains("..") || path.contains("//") || path.endsWith("/")) {
            resp.sendError(404);
            return;
        }
        String type = TYPES.get(extension(path));
        URL resource = context.getBundle().getEntry("web" + path);
        if (type == null || resource == null) {
            resp.sendError(404);
            return;
        }
        String etag = "\"" + Long.toHexString(context.getBundle().getLastModified()) + "\"";
        resp.setHeader("ETag", etag);
        resp.setHeader("Cache-Control", "no-cache");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "same-origin");
        if (path.equals("/index.html")) {
            resp.setHeader("Content-Security-Policy", CSP);
            resp.setHeader("X-Frame-Options", "DENY");
        }
        if (etag.equals(req.getHeader("If-None-Match"))) {
            resp.setStatus(304);
            return;
        }
        resp.setContentType(type);
        try (InputStream in = resource.openStream()) {
            in.transferTo(resp.getOutputStream());
        }
    }

    static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1);
    }
}
