package org.rapport.conversations.internal.rest;

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
import org.rapport.conversations.Complaint;
import org.rapport.conversations.Conversations;
import org.rapport.security.Access;
import org.rapport.security.Audit;
import org.rapport.security.Principal;
import org.rapport.web.ApiException;
import org.rapport.web.JsonServlet;
import org.rapport.web.Requests;

/**
 * REST for complaints: {@code GET /api/v1/complaints[?status=&limit=]}, {@code GET /api/v1/complaints/{id}},
 * and {@code POST /api/v1/complaints/{id}/status} with {@code {"status", "note"}} to move one on in
 * its workflow (received → analysing → resolving → answered → closed).
 */
@Component(service = Servlet.class, property = {
    Access.READ + "=admin,manager,agent",
    Access.SCOPE + "=conversations",
    Audit.PROPERTY + "=true"})
@HttpWhiteboardServletPattern({"/api/v1/complaints", "/api/v1/complaints/*"})
public final class ComplaintsServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;

    private final transient Conversations conversations;

    @Activate
    public ComplaintsServlet(@Reference Conversations conversations) {
        this.conversations = conversations;
    }

    /** The body of a status change. */
    public record StatusBody(String status, String note) {}

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = Requests.path(req);
        if (path.length == 0) {
            String status = Requests.text(req, "status");
            if (status != null && !Complaint.STATUSES.contains(status)) {
                throw ApiException.invalid(Map.of("status", "must be one of " + String.join(", ", Complaint.STATUSES)));
            }
            int limit = Requests.integer(req, "limit", 100);
            if (limit < 1 || limit > 500) {
                throw ApiException.invalid(Map.of("limit", "must be 1 to 500"));
            }
            List<Complaint> items = conversations.complaints(status, limit);
            Audit.record(req, Audit.Entry.readMany("complaint", items.stream().map(Complaint::id).toList()));
            writeJson(resp, 200, Map.of("items", items));
            return;
        }
        if (path.length != 1) {
            throw ApiException.notFound("No such resource");
        }
        Complaint complaint = existing(path[0]);
        Audit.record(req, entry("read", complaint));
        writeJson(resp, 200, complaint);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = Requests.path(req);
        if (path.length != 2 || !path[1].equals("status")) {
            throw new ApiException(405, "method_not_allowed", "POST a status to one complaint: /api/v1/complaints/{id}/status");
        }
        Complaint complaint = existing(path[0]);
        Principal caller = Access.principal(req).orElseThrow(() -> new ApiException(401, "unauthenticated", "Sign in first"));
        StatusBody body = readJson(req, StatusBody.class);
        if (body == null || body.status() == null || !Complaint.STATUSES.contains(body.status())) {
            throw ApiException.invalid(Map.of("status", "must be one of " + String.join(", ", Complaint.STATUSES)));
        }
        Audit.record(req, entry("status", complaint));
        // a move the workflow forbids: the service's IllegalArgumentException, answered 409 by translate
        writeJson(resp, 200, conversations.moveComplaint(complaint.id(), body.status(), body.note(), caller));
    }

    private Complaint existing(String segment) {
        long id = Requests.id(segment, "complaint");
        return conversations.complaint(id).orElseThrow(() -> ApiException.notFound("No complaint " + id));
    }

    private static Audit.Entry entry(String action, Complaint c) {
        return new Audit.Entry(action, "complaint", List.of(String.valueOf(c.id())), List.of(), c.clientId(), c.contactId(), null);
    }

    @Override
    protected ApiException translate(RuntimeException e) {
        if (e instanceof NoSuchElementException) {
            return ApiException.notFound(e.getMessage());
        }
        if (e instanceof IllegalArgumentException) {
            return new ApiException(409, "invalid_transition", e.getMessage());
        }
        return null;
    }
}
