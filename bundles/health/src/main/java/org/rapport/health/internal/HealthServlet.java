package org.rapport.health.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.health.Health;
import org.rapport.health.HealthCheck;
import org.rapport.web.JsonServlet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /health}: 200 with status UP when every required part is working, else 503 DOWN. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/health")
public final class HealthServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(HealthServlet.class);

    private final transient RuntimeInspector inspector;
    private final transient List<HealthCheck> checks = new CopyOnWriteArrayList<>();

    @Activate
    public HealthServlet(BundleContext context, @Reference ServiceComponentRuntime scr) {
        this.inspector = new RuntimeInspector(context, scr);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCheck(HealthCheck check) {
        checks.add(check);
    }

    void removeCheck(HealthCheck check) {
        checks.remove(check);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<Bundle> bundles = inspector.rapportBundles();
        Map<String, Object> report = HealthReport.build(inspector.bundles(bundles), inspector.components(bundles), runChecks(),
                ManagementFactory.getRuntimeMXBean().getUptime());
        writeJson(resp, "UP".equals(report.get("status")) ? 200 : 503, report);
    }

    private Map<String, Health> runChecks() {
        Map<String, Health> results = new TreeMap<>();
        for (HealthCheck check : checks) {
            Health health;
            try {
                health = check.check();
            } catch (RuntimeException e) {
                LOG.warn("Health check {} failed: {}", check.getClass().getName(), e.toString());
                health = Health.down("the check itself failed: " + e.getMessage(), List.of());
            }
            results.put(check.name(), health);
        }
        return results;
    }
}
