package org.rapport.conversations.internal.console;

import jakarta.servlet.Servlet;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.web.BundleResourceServlet;

/** Serves the conversations console modules and stylesheet ({@code /conversations/*}) from this bundle's {@code web/conversations}. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/conversations/*")
public final class ConversationsWebResources extends BundleResourceServlet {
    private static final long serialVersionUID = 1L;

    @Activate
    public ConversationsWebResources(BundleContext context) {
        super(context.getBundle(), "web/conversations");
    }
}
