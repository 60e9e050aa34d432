package org.rapport.compliance.internal.monitor;

import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.compliance.internal.audit.Verification;
import org.rapport.health.Health;
import org.rapport.health.HealthCheck;

/** The {@code compliance} section of /health: the audit chain at its last scheduled check (a broken chain is DEGRADED). */
@Component(service = HealthCheck.class)
public final class ComplianceHealth implements HealthCheck {
    private final Monitor monitor;

    @Activate
    public ComplianceHealth(@Reference Monitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public String name() {
        return "compliance";
    }

    @Override
    public Health check() {
        Verification last = monitor.lastVerification();
        if (last == null) {
            return Health.up("audit log running; the chain was not verified yet");
        }
        Map<String, Object> details = Map.of("checked", last.checked(), "verifiedAt", last.verifiedAt().toString());
        if (last.ok()) {
            return Health.up("audit chain intact at the last check").withDetails(details);
        }
        return Health.degraded("audit chain broken", List.of("The audit log's hash chain is broken at entry " + last.firstBroken() + ": "
                + last.problem())).withDetails(details);
    }
}
