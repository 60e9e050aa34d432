package org.rapport.records.internal.console;

import jakarta.servlet.Servlet;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.web.BundleResourceServlet;

/** Serves the records console modules ({@code /records/*.js}) from this bundle's {@code web/records} folder. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/records/*")
public final class RecordsWebResources extends BundleResourceServlet {
    private static final long serialVersionUID = 1L;

    @Activate
    public RecordsWebResources(BundleContext context) {
        super(context.getBundle(), "web/records");
    }
}
