package org.rapport.channel.webchat.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Serves the widget ({@code /chat/widget.js}, {@code /chat/widget.css}) and the demo page
 * ({@code /chat/}) from the bundle, so they come and go with it. The widget script may be loaded
 * by other sites (it is the embed); the demo page has a strict Content-Security-Policy.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/chat", "/chat/*"})
public final class WidgetServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> FILES = Map.of("/", "index.html", "/index.html", "index.html", "/widget.js", "widget.js",
            "/widget.css", "widget.css");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");

    private final transient Bundle bundle;

    @Activate
    public WidgetServlet(BundleContext context) {
        this.bundle = context.getBundle();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null && "/chat".equals(req.getServletPath())) {
            resp.sendRedirect(req.getContextPath() + "/chat/");
            return;
        }
        String name = FILES.get(path == null ? "/" : path);
        URL entry = name == null ? null : bundle.getEntry("web/chat/" + name);
        if (entry == null) {
            resp.sendError(404);
            return;
        }
        String etag = "\"" + Long.toHexString(bundle.getLastModified()) + "\"";
        resp.setHeader("ETag", etag);
        resp.setHeader("Cache-Control", "no-cache");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        if (etag.equals(req.getHeader("If-None-Match"))) {
            resp.setStatus(304);
            return;
        }
        String ext = name.substring(name.lastIndexOf('.') + 1);
        resp.setContentType(TYPES.get(ext));
        if ("html".equals(ext)) {
            resp.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ws: wss:;"
                    + " img-src 'self' data:; frame-ancestors 'self'");
        } else {
            resp.setHeader("Access-Control-Allow-Origin", "*");
        }
        try (InputStream in = entry.openStream()) {
            in.transferTo(resp.getOutputStream());
        }
    }
}
