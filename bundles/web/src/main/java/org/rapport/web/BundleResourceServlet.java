package org.rapport.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;

/**
 * Serves a feature bundle's static web files (ES modules, CSS, SVG) from a folder inside the
 * bundle, so they come and go with it. Files are revalidated by ETag (the bundle's modification
 * time) with {@code Cache-Control: no-cache}: an updated bundle's pages are picked up at once, an
 * unchanged file costs a 304. Only flat, lower-case names ({@code /name.js}) are served.
 *
 * <pre>
 * &#64;Component(service = Servlet.class)
 * &#64;HttpWhiteboardServletPattern("/records/*")
 * public final class RecordsWebResources extends BundleResourceServlet {
 *     &#64;Activate
 *     public RecordsWebResources(BundleContext context) {
 *         super(context.getBundle(), "web/records");
 *     }
 * }
 * </pre>
 *
 * @since 0.1
 */
public abstract class BundleResourceServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Pattern NAME = Pattern.compile("/[a-z0-9][a-z0-9-]*\\.(js|css|svg)");
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    private final transient Bundle bundle;
    private final String folder;

    /**
     * @param bundle the bundle holding the files
     * @param folder the folder inside the bundle, e.g. {@code web/records}
     */
    protected BundleResourceServlet(Bundle bundle, String folder) {
        this.bundle = bundle;
        this.folder = folder;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        URL entry = path == null || !NAME.matcher(path).matches() ? null : bundle.getEntry(folder + path);
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
        resp.setContentType(TYPES.get(path.substring(path.lastIndexOf('.') + 1)));
        try (InputStream in = entry.openStream()) {
            in.transferTo(resp.getOutputStream());
        }
    }
}
