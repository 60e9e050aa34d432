package org.rapport.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rapport.health.Health;

/** The texts of the {@code demo} health check, which tests and people read to know where the load is. */
class LoadProgressTest {

    @Test
    void degradedWhileLoadingThenUpWithTheCounts() {
        LoadProgress progress = new LoadProgress(300);
        assertThat(progress.name()).isEqualTo("demo");
        assertThat(progress.check().status()).isEqualTo(Health.Status.DEGRADED);
        assertThat(progress.check().message()).isEqualTo("loading… 0/300");
        assertThat(progress.check().problems()).isEmpty();

        progress.loaded(42);
        assertThat(progress.check().message()).isEqualTo("loading… 42/300");
        progress.loaded(300);
        progress.scoring();
        assertThat(progress.check().status()).isEqualTo(Health.Status.DEGRADED);
        assertThat(progress.check().message()).isEqualTo("loading… 300/300, scoring");

        progress.finished(new LoadCounts(12, 300, 870, 24000, 3500, 310));
        Health done = progress.check();
        assertThat(done.status()).isEqualTo(Health.Status.UP);
        assertThat(done.message()).isEqualTo("loaded 300 companies");
        assertThat(done.details()).containsEntry("transactions", 24000).containsEntry("contacts", 870);
    }

    @Test
    void upWhenAlreadyPresentAndDegradedWithTheReasonOnFailure() {
        LoadProgress present = new LoadProgress(300);
        present.alreadyPresent(305);
        assertThat(present.check().status()).isEqualTo(Health.Status.UP);
        assertThat(present.check().message()).isEqualTo("demo world already present (305 clients)");

        LoadProgress failed = new LoadProgress(300);
        failed.loaded(17);
        failed.failed("InvalidRecordException on emails");
        assertThat(failed.check().status()).isEqualTo(Health.Status.DEGRADED);
        assertThat(failed.check().message()).isEqualTo("demo world failed to load after 17/300 companies");
        assertThat(failed.check().problems()).containsExactly("InvalidRecordException on emails");
    }
}
