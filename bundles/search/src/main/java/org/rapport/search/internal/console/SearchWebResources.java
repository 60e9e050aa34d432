package org.rapport.search.internal.console;

import jakarta.servlet.Servlet;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.web.BundleResourceServlet;

/** Serves the search console module ({@code /search/*.js}) from this bundle's {@code web/search} folder. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/search/*")
public final class SearchWebResources extends BundleResourceServlet {
    private static final long serialVersionUID = 1L;

    @Activate
    public SearchWebResources(BundleContext context) {
        super(context.getBundle(), "web/search");
    }
}
