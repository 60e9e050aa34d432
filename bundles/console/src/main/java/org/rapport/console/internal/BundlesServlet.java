package org.rapport.console.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.security.Access;
import org.rapport.web.ApiException;
import org.rapport.web.JsonServlet;

/**
 * {@code /api/v1/system/bundles}: list (GET), upload a jar to install or update (POST, the jar
 * as the body or as the {@code file} part of a multipart form), {@code POST /{id}/start}, {@code POST /{id}/stop}, {@code DELETE /{id}}. Admins only.
 */
@Component(service = Servlet.class, configurationPid = "org.rapport.console.bundles",
        property = {Access.READ + "=admin", Access.WRITE + "=admin", Access.SCOPE + "=system",
            "osgi.http.whiteboard.servlet.multipart.enabled=true"})
@HttpWhiteboardServletPattern({"/api/v1/system/bundles", "/api/v1/system/bundles/*"})
@Designate(ocd = BundlesServlet.Config.class)
public final class BundlesServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;

    @ObjectClassDefinition(name = "Console: bundle uploads", description = "Limits of the console's bundle upload")
    public @interface Config {
        @AttributeDefinition(name = "Maximum upload size (MB)", min = "1", max = "1024")
        int maxUploadMegabytes() default 50;

        @AttributeDefinition(name = "Wait for start (seconds)", description = "How long an upload waits for its bundle to be ACTIVE",
                min = "1", max = "300")
        int startTimeoutSeconds() default 30;
    }

    private final transient BundleOps ops;
    private final long maxBytes;

    @Activate
    public BundlesServlet(BundleContext context, Config config) {
        this.ops = new BundleOps(context, Duration.ofSeconds(config.startTimeoutSeconds()));
        this.maxBytes = config.maxUploadMegabytes() * 1024L * 1024L;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] parts = parts(req);
        if (parts.length == 0) {
            writeJson(resp, 200, ops.list());
        } else if (parts.length == 1) {
            writeJson(resp, 200, ops.json(ops.get(id(parts[0]))));
        } else {
            throw ApiException.notFound("No such bundle resource");
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] parts = parts(req);
        if (parts.length == 0) {
            upload(req, resp);
        } else if (parts.length == 2 && parts[1].equals("start")) {
            writeJson(resp, 200, ops.start(id(parts[0])));
        } else if (parts.length == 2 && parts[1].equals("stop")) {
            writeJson(resp, 200, ops.stop(id(parts[0])));
        } else {
            throw ApiException.notFound("No such bundle action; use /{id}/start or /{id}/stop");
        }
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] parts = parts(req);
        if (parts.length != 1) {
            throw ApiException.notFound("DELETE /api/v1/system/bundles/{id} uninstalls a bundle");
        }
        ops.uninstall(id(parts[0]));
        resp.setStatus(204);
    }

    private void upload(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            Part part = filePart(req);
            BundleOps.Installed installed = ops.install(part.getInputStream(), part.getSize(), maxBytes);
            writeJson(resp, installed.created() ? 201 : 200, installed.bundle());
            return;
        }
        if (!type.startsWith("application/java-archive") && !type.startsWith("application/octet-stream")
                && !type.startsWith("application/x-java-archive") && !type.startsWith("application/zip")) {
            throw new ApiException(415, "unsupported_media_type",
                    "Send the bundle jar as the request body with Content-Type application/java-archive,"
                            + " or as the 'file' part of multipart/form-data");
        }
        BundleOps.Installed installed = ops.install(req.getInputStream(), req.getContentLengthLong(), maxBytes);
        writeJson(resp, installed.created() ? 201 : 200, installed.bundle());
    }

    private Part filePart(HttpServletRequest req) throws IOException {
        Part part;
        try {
            part = req.getPart("file");
        } catch (ServletException | IllegalStateException e) {
            if (req.getContentLengthLong() > maxBytes) {
                throw new ApiException(413, "payload_too_large",
                        "The file is larger than the upload limit of " + (maxBytes / (1024 * 1024)) + " MB");
            }
            throw ApiException.badRequest("The multipart upload could not be read: " + e.getMessage());
        }
        if (part == null) {
            throw ApiException.badRequest("A multipart upload needs the jar in a part named 'file'");
        }
        return part;
    }

    private static String[] parts(HttpServletRequest req) {
        String info = req.getPathInfo();
        if (info == null || info.equals("/")) {
            return new String[0];
        }
        return info.substring(1).split("/");
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'" + text + "' is not a bundle id");
        }
    }
}
