package org.rapport.records.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.records.FollowUp;
import org.rapport.records.FollowUpInput;
import org.rapport.records.Records;
import org.rapport.security.Access;
import org.rapport.security.Audit;
import org.rapport.security.Principal;
import org.rapport.web.ApiException;

/**
 * REST for follow-up tasks across clients: {@code GET /api/v1/tasks?owner=me|{id}&overdue=true}
 * (open tasks by due date) and {@code PATCH /api/v1/tasks/{id}} (e.g. {@code {"status":"done"}}).
 */
@Component(service = Servlet.class, property = {
    Access.READ + "=" + Access.AUTHENTICATED,
    Access.WRITE + "=admin,manager,agent",
    Access.SCOPE + "=clients",
    Audit.PROPERTY + "=true"})
@HttpWhiteboardServletPattern({"/api/v1/tasks", "/api/v1/tasks/*"})
public final class TasksServlet extends org.rapport.web.JsonServlet {
    private static final long serialVersionUID = 1L;
    private static final Set<String> FIELDS = Set.of("contactId", "title", "due", "ownerId", "status");

    private final transient Records records;

    @Activate
    public TasksServlet(@Reference Records records) {
        this.records = records;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (Params.path(req).length != 0) {
            throw ApiException.notFound("No such resource");
        }
        Principal caller = Params.principal(req);
        String owner = Params.text(req, "owner");
        Long ownerId = owner == null ? null : owner.equals("me") ? caller.userId() : Params.id(owner, "owner");
        int limit = Params.integer(req, "limit", 200);
        java.util.List<FollowUp> tasks = records.openTasks(ownerId, Params.flag(req, "overdue"), limit);
        Audit.record(req, Audit.Entry.readMany("task", tasks.stream().map(FollowUp::id).toList()));
        writeJson(resp, 200, Map.of("items", tasks));
    }

    @Override
    protected void doPatch(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = Params.path(req);
        if (path.length != 1) {
            throw ApiException.notFound("No such resource");
        }
        long id = Params.id(path[0], "task");
        FollowUp task = records.task(id).orElseThrow(() -> ApiException.notFound("No task " + id));
        FollowUpInput before = new FollowUpInput(task.contactId(), task.title(), task.due(), task.ownerId(), task.status());
        FollowUpInput input = Patches.apply(before, readJson(req, JsonNode.class), FollowUpInput.class, FIELDS);
        Audit.record(req, new Audit.Entry("update", "task", java.util.List.of(Long.toString(id)), java.util.List.of(), task.clientId(),
                task.contactId(), null));
        FollowUp updated = records.updateTask(id, input, Params.principal(req));
        writeJson(resp, 200, updated);
    }
}
