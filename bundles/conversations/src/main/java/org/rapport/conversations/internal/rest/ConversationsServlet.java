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
import org.rapport.conversations.Conversation;
import org.rapport.conversations.ConversationQuery;
import org.rapport.conversations.Conversations;
import org.rapport.conversations.Message;
import org.rapport.records.Page;
import org.rapport.security.Access;
import org.rapport.security.Audit;
import org.rapport.security.Principal;
import org.rapport.security.Role;
import org.rapport.security.StaffDirectory;
import org.rapport.web.ApiException;
import org.rapport.web.JsonServlet;
import org.rapport.web.Requests;

/**
 * REST for the staff inbox: {@code /api/v1/conversations[/{id}[/messages|reply|notes|assign|handover|close]]}, and
 * {@code /api/v1/conversations/staff} (who conversations can be assigned to).
 */
@Component(service = Servlet.class, property = {
    Access.READ + "=admin,manager,agent",
    Access.SCOPE + "=conversations",
    Audit.PROPERTY + "=true"})
@HttpWhiteboardServletPattern({"/api/v1/conversations", "/api/v1/conversations/*"})
public final class ConversationsServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;
    private static final int MAX_SIZE = 200;

    private final transient Conversations conversations;
    private final transient StaffDirectory staff;

    @Activate
    public ConversationsServlet(@Reference Conversations conversations, @Reference StaffDirectory staff) {
        this.conversations = conversations;
        this.staff = staff;
    }

    /** The body of reply and note: the text. */
    public record TextBody(String text) {}

    /** The body of assign. */
    public record AssignBody(Long staffId, String reason) {}

    /** The body of hand-over. */
    public record HandoverBody(String summary) {}

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = Requests.path(req);
        if (path.length == 1 && path[0].equals("staff")) {
            writeJson(resp, 200, Map.of("items", assignable()));
            return;
        }
        if (path.length == 0) {
            Page<Conversation> page = conversations.list(query(req));
            Audit.record(req, Audit.Entry.readMany("conversation", page.items().stream().map(Conversation::id).toList()));
            writeJson(resp, 200, Map.of("items", page.items(), "total", page.total()));
            return;
        }
        Conversation conversation = existing(path[0]);
        if (path.length == 1) {
            Audit.record(req, read(conversation, List.of()));
            writeJson(resp, 200, conversation);
        } else if (path.length == 2 && path[1].equals("messages")) {
            Audit.record(req, read(conversation, List.of("messages")));
            writeJson(resp, 200, Map.of("items", conversations.messages(conversation.id())));
        } else {
            throw ApiException.notFound("No such resource");
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = Requests.path(req);
        if (path.length != 2) {
            throw new ApiException(405, "method_not_allowed", "POST a reply, note, assign, handover or close to one conversation");
        }
        Conversation conversation = existing(path[0]);
        Principal caller = Access.principal(req).orElseThrow(() -> new ApiException(401, "unauthenticated", "Sign in first"));
        long id = conversation.id();
        switch (path[1]) {
            case "reply" -> {
                String text = text(readJson(req, TextBody.class));
                Audit.record(req, change("reply", conversation));
                Message message = conversations.reply(id, text, caller);
                writeJson(resp, 201, message);
            }
            case "notes" -> {
                String text = text(readJson(req, TextBody.class));
                Audit.record(req, change("note", conversation));
                writeJson(resp, 201, conversations.note(id, text, caller));
            }
            case "assign" -> {
                AssignBody body = readJson(req, AssignBody.class);
                Audit.record(req, change("assign", conversation));
                try {
                    writeJson(resp, 200, conversations.assign(id, body == null ? null : body.staffId(), body == null ? null : body.reason(), caller));
                } catch (IllegalArgumentException e) {
                    throw ApiException.invalid(Map.of("staffId", e.getMessage()));
                }
            }
            case "handover" -> {
                HandoverBody body = readJson(req, HandoverBody.class);
                Audit.record(req, change("handover", conversation));
                writeJson(resp, 200, conversations.handover(id, body == null ? null : body.summary(), caller));
            }
            case "close" -> {
                Audit.record(req, change("close", conversation));
                writeJson(resp, 200, conversations.close(id, caller));
            }
            default -> throw ApiException.notFound("No such action '" + path[1] + "'");
        }
    }

    /** Who a conversation can be assigned to: enabled managers and agents. */
    private List<Map<String, Object>> assignable() {
        return staff.list().stream()
                .filter(m -> m.enabled() && (m.roles().contains(Role.MANAGER) || m.roles().contains(Role.AGENT)))
                .map(m -> Map.<String, Object>of("id", m.id(), "username", m.username(), "displayName", m.displayName(),
                        "roles", m.roles().stream().map(Role::id).sorted().toList()))
                .toList();
    }

    private Conversation existing(String segment) {
        long id = Requests.id(segment, "conversation");
        return conversations.conversation(id).orElseThrow(() -> ApiException.notFound("No conversation " + id));
    }

    private static String text(TextBody body) {
        if (body == null || body.text() == null || body.text().isBlank()) {
            throw ApiException.invalid(Map.of("text", "must not be empty"));
        }
        return body.text();
    }

    private static ConversationQuery query(HttpServletRequest req) {
        Principal caller = Access.principal(req).orElseThrow();
        String assignee = Requests.text(req, "assignee");
        Long assigneeId = null;
        if (assignee != null) {
            assigneeId = assignee.equals("me") ? caller.userId() : Requests.id(assignee, "staff member");
        }
        String status = Requests.text(req, "status");
        if (status != null && !List.of("open", "waiting", "closed").contains(status)) {
            throw ApiException.invalid(Map.of("status", "must be open, waiting or closed"));
        }
        String channel = Requests.text(req, "channel");
        if (channel != null && !List.of("email", "sms", "webchat").contains(channel)) {
            throw ApiException.invalid(Map.of("channel", "must be email, sms or webchat"));
        }
        int page = Requests.integer(req, "page", 1);
        int size = Requests.integer(req, "size", 50);
        if (page < 1 || size < 1 || size > MAX_SIZE) {
            throw ApiException.invalid(Map.of("size", "page from 1, size from 1 to " + MAX_SIZE));
        }
        return new ConversationQuery(assigneeId, Requests.flag(req, "unassigned"), status, channel, Requests.optionalId(req, "contactId"),
                Requests.optionalId(req, "clientId"), page, size);
    }

    private static Audit.Entry read(Conversation c, List<String> fields) {
        return new Audit.Entry("read", "conversation", List.of(String.valueOf(c.id())), fields, c.clientId(), c.contactId(), null);
    }

    private static Audit.Entry change(String action, Conversation c) {
        return new Audit.Entry(action, "conversation", List.of(String.valueOf(c.id())), List.of(), c.clientId(), c.contactId(), null);
    }

    @Override
    protected ApiException translate(RuntimeException e) {
        if (e instanceof NoSuchElementException) {
            return ApiException.notFound(e.getMessage());
        }
        if (e instanceof IllegalArgumentException) {
            return ApiException.badRequest(e.getMessage());
        }
        return null;
    }
}
