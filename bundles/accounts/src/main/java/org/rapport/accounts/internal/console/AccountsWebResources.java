package org.rapport.accounts.internal.console;

import jakarta.servlet.Servlet;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.web.BundleResourceServlet;

/** Serves the accounts console modules ({@code /accounts/*.js}) from this bundle's {@code web/accounts} folder. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/accounts/*")
public final class AccountsWebResources extends BundleResourceServlet {
    private static final long serialVersionUID = 1L;

    @Activate
    public AccountsWebResources(BundleContext context) {
        super(context.getBundle(), "web/accounts");
    }
}
