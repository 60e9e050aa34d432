package org.rapport.channel.webchat.internal;

import jakarta.servlet.Servlet;
import org.eclipse.jetty.ee10.websocket.server.JettyServerUpgradeRequest;
import org.eclipse.jetty.ee10.websocket.server.JettyServerUpgradeResponse;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServlet;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServletFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The chat's WebSocket endpoint, {@code /chat/ws}, on the server's HTTP port (Jetty's WebSocket
 * support, enabled in the HTTP service's configuration). An upgrade from a page of an origin that
 * is not allowed is refused with 403.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/chat/ws")
public final class ChatSocketServlet extends JettyWebSocketServlet {
    private static final long serialVersionUID = 1L;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ChatSocketServlet.class);
    /** Frames carry at most one attachment, base64 encoded, with room for the rest of the frame. */
    private static final int FRAME_OVERHEAD = 16 * 1024;

    private final transient WebChatAdapter adapter;

    @Activate
    public ChatSocketServlet(@Reference WebChatAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    protected void configure(JettyWebSocketServletFactory factory) {
        Settings s = adapter.settings();
        factory.setIdleTimeout(s.idleTimeout());
        factory.setMaxTextMessageSize((long) s.maxAttachmentBytes() / 3 * 4 + FRAME_OVERHEAD);
        factory.setCreator(this::create);
    }

    @Override
    protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp)
            throws jakarta.servlet.ServletException, java.io.IOException {
        try {
            super.service(req, resp);
        } catch (RuntimeException | jakarta.servlet.ServletException | java.io.IOException e) {
            LOG.error("A WebSocket upgrade to /chat/ws failed: {} (cause: {})", e.toString(), String.valueOf(e.getCause()));
            throw e;
        }
    }

    private Object create(JettyServerUpgradeRequest request, JettyServerUpgradeResponse response) throws java.io.IOException {
        Settings s = adapter.settings();
        if (!OriginPolicy.allows(request.getOrigin(), request.getHeader("Host"), s.allowedOrigins())) {
            response.sendForbidden("This site may not open the chat");
            return null;
        }
        return new ChatSocket(adapter.engine(), s.idleTimeout());
    }
}
