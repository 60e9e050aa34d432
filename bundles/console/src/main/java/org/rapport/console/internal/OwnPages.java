package org.rapport.console.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.rapport.console.ConsolePage;
import org.rapport.console.DashboardCard;
import org.rapport.security.Role;

/** Registers the console's own pages (dashboard, bundles, configuration, users) and its health card. */
@Component(service = {})
public final class OwnPages {

    private static final Set<Role> STAFF = Set.of(Role.values());
    private static final Set<Role> ADMIN = Set.of(Role.ADMIN);

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Activate
    public OwnPages(BundleContext context) {
        page(context, "dashboard", "overview", 0, STAFF, "Dashboard", "仪表盘");
        page(context, "bundles", "system", 10, ADMIN, "Bundles", "模块");
        page(context, "config", "system", 20, ADMIN, "Configuration", "配置");
        page(context, "users", "system", 30, ADMIN, "Users & tokens", "用户与令牌");
        registrations.add(context.registerService(DashboardCard.class,
                new Card("health", 0, STAFF, Map.of("en", "Server health", "zh", "服务器健康"), "/console/pages/health-card.js"), null));
    }

    private void page(BundleContext context, String id, String group, int order, Set<Role> roles, String en, String zh) {
        ConsolePage page = new Page(id, group, order, roles, Map.of("en", en, "zh", zh), "/console/pages/" + id + ".js");
        registrations.add(context.registerService(ConsolePage.class, page, null));
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
        registrations.clear();
    }

    private record Page(String id, String group, int order, Set<Role> roles, Map<String, String> labels, String moduleUrl)
            implements ConsolePage {
    }

    private record Card(String id, int order, Set<Role> roles, Map<String, String> titles, String moduleUrl)
            implements DashboardCard {
    }
}
