package org.rapport.campaigns.internal.console;

import jakarta.servlet.Servlet;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.web.BundleResourceServlet;

/** Serves the campaigns console module ({@code /campaigns/*}) from this bundle's {@code web/campaigns}. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/campaigns/*")
public final class CampaignsWebResources extends BundleResourceServlet {
    private static final long serialVersionUID = 1L;

    @Activate
    public CampaignsWebResources(BundleContext context) {
        super(context.getBundle(), "web/campaigns");
    }
}
