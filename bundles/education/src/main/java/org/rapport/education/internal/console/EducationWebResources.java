package org.rapport.education.internal.console;

import jakarta.servlet.Servlet;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.web.BundleResourceServlet;

/** Serves the education console modules ({@code /education/*.js}) from this bundle's {@code web/education} folder. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/education/*")
public final class EducationWebResources extends BundleResourceServlet {
    private static final long serialVersionUID = 1L;

    @Activate
    public EducationWebResources(BundleContext context) {
        super(context.getBundle(), "web/education");
    }
}
