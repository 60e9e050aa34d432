package org.rapport.compliance.internal.console;

import jakarta.servlet.Servlet;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.web.BundleResourceServlet;

/** Serves the compliance console modules and the public pages' stylesheet ({@code /compliance/*}) from {@code web/compliance}. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/compliance/*")
public final class ComplianceWebResources extends BundleResourceServlet {
    private static final long serialVersionUID = 1L;

    @Activate
    public ComplianceWebResources(BundleContext context) {
        super(context.getBundle(), "web/compliance");
    }
}
