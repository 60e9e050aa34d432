package org.rapport.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapport.health.Health;

class HealthReportTest {

    private static final BundleInfo ACTIVE = new BundleInfo(5, "org.rapport.store", "0.1.0", "ACTIVE", true, false);

    @Test
    void upWhenEverythingRuns() {
        Map<String, Object> report = HealthReport.build(List.of(ACTIVE),
                List.of(new ComponentInfo("a", "org.rapport.store", "ACTIVE", List.of(), null),
                        new ComponentInfo("mailbox", "org.rapport.email", ComponentInfo.WAITING_FOR_CONFIGURATION, List.of(), null)),
                Map.of("config", Health.up("3 files")), 10);
        assertThat(report.get("status")).isEqualTo("UP");
        assertThat((List<?>) report.get("problems")).isEmpty();
    }

    @Test
    void downWhenARequiredBundleIsNotActive() {
        BundleInfo resolved = new BundleInfo(6, "org.rapport.health", "0.1.0", "RESOLVED", true, false);
        Map<String, Object> report = HealthReport.build(List.of(ACTIVE, resolved), List.of(), Map.of(), 10);
        assertThat(report.get("status")).isEqualTo("DOWN");
        assertThat(problems(report)).containsExactly("bundle org.rapport.health 0.1.0 is RESOLVED");
    }

    @Test
    void deployedBundleThatDoesNotRunIsAProblemButNotDown() {
        BundleInfo extra = new BundleInfo(9, "org.rapport.extra", "1.0.0", "INSTALLED", false, false);
        Map<String, Object> report = HealthReport.build(List.of(ACTIVE, extra), List.of(), Map.of(), 10);
        assertThat(report.get("status")).isEqualTo("UP");
        assertThat((List<?>) report.get("problems")).hasSize(1);
    }

    @Test
    void downWhenAComponentMissesAReference() {
        Map<String, Object> report = HealthReport.build(List.of(ACTIVE),
                List.of(new ComponentInfo("x", "org.rapport.store", "UNSATISFIED_REFERENCE", List.of("dataSourceFactory"), null)),
                Map.of(), 10);
        assertThat(report.get("status")).isEqualTo("DOWN");
        assertThat(problems(report)).singleElement().asString().contains("missing dataSourceFactory");
    }

    @Test
    void degradedCheckIsListedDownCheckIsDown() {
        Map<String, Object> degraded = HealthReport.build(List.of(ACTIVE), List.of(),
                Map.of("config", Health.degraded("1 bad file", List.of("x.cfg.json: malformed"))), 10);
        assertThat(degraded.get("status")).isEqualTo("UP");
        assertThat(problems(degraded)).containsExactly("config: x.cfg.json: malformed");

        Map<String, Object> down = HealthReport.build(List.of(ACTIVE), List.of(), Map.of("db", Health.down("no connection", List.of())), 10);
        assertThat(down.get("status")).isEqualTo("DOWN");
    }

    @Test
    void fragmentsAreHealthyWhenResolved() {
        assertThat(new BundleInfo(1, "f", "1", "RESOLVED", true, true).healthy()).isTrue();
        assertThat(new BundleInfo(1, "f", "1", "INSTALLED", true, true).healthy()).isFalse();
    }

    @Test
    void matchesFileInstallLocationsToJars() {
        Path jar = Path.of("/tmp/data/deploy/x.jar");
        assertThat(DeployFolderCheck.sameFile("file:/tmp/data/deploy/x.jar", jar)).isTrue();
        assertThat(DeployFolderCheck.sameFile("/tmp/data/deploy/x.jar", jar)).isTrue();
        assertThat(DeployFolderCheck.sameFile("file:/tmp/data/deploy/y.jar", jar)).isFalse();
        assertThat(DeployFolderCheck.sameFile("mvn:org/x/1", jar)).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static List<String> problems(Map<String, Object> report) {
        return (List<String>) report.get("problems");
    }
}
