package org.rapport.conversations.internal.rest;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.conversations.Messenger;
import org.rapport.security.Access;
import org.rapport.web.JsonServlet;

/** {@code GET /api/v1/outbox}: how many outbound messages are waiting, being sent, sent, failed or blocked. */
@Component(service = Servlet.class, property = {
    Access.READ + "=admin",
    Access.SCOPE + "=system"})
@HttpWhiteboardServletPattern("/api/v1/outbox")
public final class OutboxServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;

    private final transient Messenger messenger;

    @Activate
    public OutboxServlet(@Reference Messenger messenger) {
        this.messenger = messenger;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        writeJson(resp, 200, Map.of("counts", messenger.outboxCounts()));
    }
}
