package org.rapport.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BundleOpsTest {

    @Test
    void locationsOfFileInstallAndPlainPathsResolveToTheFile() {
        Path jar = Path.of("/data/deploy/x.jar");
        assertThat(BundleOps.locationPath("file:/data/deploy/x.jar")).isEqualTo(jar);
        assertThat(BundleOps.locationPath("/data/deploy/./x.jar")).isEqualTo(jar);
        assertThat(BundleOps.locationPath("file:/data/deploy/x.jar?start=true")).isEqualTo(jar);
        assertThat(BundleOps.locationPath(null)).isNull();
    }

    @Test
    void statesHaveNames() {
        assertThat(BundleJson.state(org.osgi.framework.Bundle.ACTIVE)).isEqualTo("ACTIVE");
        assertThat(BundleJson.state(org.osgi.framework.Bundle.RESOLVED)).isEqualTo("RESOLVED");
    }
}
