package org.rapport.campaigns.internal.rest;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.campaigns.Campaigns;
import org.rapport.campaigns.Rule;
import org.rapport.campaigns.Segment;
import org.rapport.campaigns.SegmentPreview;
import org.rapport.security.Access;
import org.rapport.security.Audit;
import org.rapport.security.Principal;
import org.rapport.web.ApiException;
import org.rapport.web.JsonServlet;
import org.rapport.web.Requests;

/**
 * REST for segments: {@code /api/v1/segments} (list, create), {@code /{id}} (get, update, delete),
 * {@code POST /preview {"rule", "sample"?}} (live count and sample while editing) and
 * {@code GET /{id}/preview?sample=}. Samples show contacts, so previews are audited.
 */
@Component(service = Servlet.class, property = {
    Access.READ + "=admin,manager",
    Access.WRITE + "=admin",
    Access.SCOPE + "=campaigns",
    Audit.PROPERTY + "=true"})
@HttpWhiteboardServletPattern({"/api/v1/segments", "/api/v1/segments/*"})
public final class SegmentsServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;

    private final transient Campaigns campaigns;

    @Activate
    public SegmentsServlet(@Reference Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    /** A saved segment as sent. */
    public record SegmentBody(String name, String description, Rule rule) {}

    /** A rule to preview. */
    public record PreviewBody(Rule rule, Integer sample) {}

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = Requests.path(req);
        if (path.length == 0) {
            List<Segment> items = campaigns.segments();
            writeJson(resp, 200, Map.of("items", items, "total", items.size()));
            return;
        }
        Segment s = existing(path[0]);
        if (path.length == 1) {
            writeJson(resp, 200, s);
        } else if (path.length == 2 && path[1].equals("preview")) {
            writeJson(resp, 200, preview(req, s.rule(), Requests.integer(req, "sample", 10)));
        } else {
            throw ApiException.notFound("No such resource");
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = Requests.path(req);
        if (path.length == 1 && path[0].equals("preview")) {
            PreviewBody body = readJson(req, PreviewBody.class);
            writeJson(resp, 200, preview(req, body.rule(), body.sample() == null ? 10 : body.sample()));
            return;
        }
        if (path.length != 0) {
            throw ApiException.notFound("No such resource");
        }
        SegmentBody body = readJson(req, SegmentBody.class);
        Segment saved = campaigns.saveSegment(null, body.name(), body.description(), body.rule(), caller(req));
        resp.setHeader("Location", "/api/v1/segments/" + saved.id());
        writeJson(resp, 201, saved);
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = Requests.path(req);
        if (path.length != 1) {
            throw new ApiException(405, "method_not_allowed", "PUT a whole segment to /api/v1/segments/{id}");
        }
        Segment s = existing(path[0]);
        SegmentBody body = readJson(req, SegmentBody.class);
        writeJson(resp, 200, campaigns.saveSegment(s.id(), body.name(), body.description(), body.rule(), caller(req)));
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = Requests.path(req);
        if (path.length != 1) {
            throw new ApiException(405, "method_not_allowed", "DELETE /api/v1/segments/{id}");
        }
        campaigns.deleteSegment(existing(path[0]).id());
        resp.setStatus(204);
    }

    private SegmentPreview preview(HttpServletRequest req, Rule rule, int sample) {
        SegmentPreview preview = campaigns.preview(rule, sample);
        Audit.record(req, Audit.Entry.readMany("contact", preview.sample().stream().map(m -> m.contactId()).toList()));
        return preview;
    }

    private Segment existing(String segment) {
        long id = Requests.id(segment, "segment");
        return campaigns.segment(id).orElseThrow(() -> ApiException.notFound("No segment " + id));
    }

    private static Principal caller(HttpServletRequest req) {
        return Access.principal(req).orElseThrow(() -> new ApiException(401, "unauthenticated", "Sign in first"));
    }

    @Override
    protected ApiException translate(RuntimeException e) {
        if (e instanceof NoSuchElementException) {
            return ApiException.notFound(e.getMessage());
        }
        return null;
    }
}
