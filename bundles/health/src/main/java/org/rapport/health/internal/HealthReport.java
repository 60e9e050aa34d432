package org.rapport.health.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rapport.health.Health;

/** Folds bundles, components and checks into the /health answer and its status. */
final class HealthReport {

    private HealthReport() {
    }

    static Map<String, Object> build(List<BundleInfo> bundles, List<ComponentInfo> components, Map<String, Health> checks,
            long uptimeMillis) {
        List<String> problems = new ArrayList<>();
        boolean down = false;
        for (BundleInfo bundle : bundles) {
            if (!bundle.healthy()) {
                problems.add("bundle " + bundle.symbolicName() + " " + bundle.version() + " is " + bundle.state());
                down |= bundle.required();
            }
        }
        for (ComponentInfo component : components) {
            if (component.failing()) {
                String why = component.failure() != null ? component.failure()
                        : component.unsatisfied().isEmpty() ? component.state() : "missing " + String.join(", ", component.unsatisfied());
                problems.add("component " + component.name() + " is " + component.state() + ": " + why);
                down = true;
            }
        }
        Map<String, Object> checkBodies = new LinkedHashMap<>();
        checks.forEach((name, health) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", health.status().name());
            body.put("message", health.message());
            if (!health.problems().isEmpty()) {
                body.put("problems", health.problems());
            }
            body.putAll(health.details());
            checkBodies.put(name, body);
            health.problems().forEach(p -> problems.add(name + ": " + p));
        });
        down |= checks.values().stream().anyMatch(h -> h.status() == Health.Status.DOWN);

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("status", down ? "DOWN" : "UP");
        report.put("uptimeMs", uptimeMillis);
        report.put("problems", problems);
        report.put("checks", checkBodies);
        report.put("bundles", bundles.stream().map(HealthReport::bundleBody).toList());
        report.put("components", components.stream().map(HealthReport::componentBody).toList());
        return report;
    }

    private static Map<String, Object> bundleBody(BundleInfo b) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", b.id());
        body.put("symbolicName", b.symbolicName());
        body.put("version", b.version());
        body.put("state", b.state());
        return body;
    }

    private static Map<String, Object> componentBody(ComponentInfo c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", c.name());
        body.put("bundle", c.bundle());
        body.put("state", c.state());
        if (!c.unsatisfied().isEmpty()) {
            body.put("unsatisfiedReferences", c.unsatisfied());
        }
        if (c.failure() != null) {
            body.put("failure", c.failure());
        }
        return body;
    }
}
