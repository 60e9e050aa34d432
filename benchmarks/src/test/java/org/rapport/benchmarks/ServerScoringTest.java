package org.rapport.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerScoringTest {

    @Test
    void sumsTheAccountsBundlesBatchLinesAndIgnoresTheRest(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("import.log");
        Files.writeString(log, String.join("\n",
                "04:15:10.001 INFO  StoreRuntime             Store started",
                "04:15:16.797 INFO  AccountsService          Assigned and scored 20000 of 20000 clients in 5.9 s (3405 clients/s)",
                "04:16:16.797 INFO  AccountsService          Assigned and scored 1000 of 1002 clients in 0.1 s (10000 clients/s)",
                "04:17:00.000 WARN  BackgroundWork           Updating the accounts of 100000 clients failed"));

        assertThat(ImportScenario.serverScoring(log)).containsExactly(21000, 6.0);
    }

    @Test
    void nothingLoggedIsZero(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("import.log"), "no scoring here\n");

        assertThat(ImportScenario.serverScoring(log)).containsExactly(0, 0);
    }
}
