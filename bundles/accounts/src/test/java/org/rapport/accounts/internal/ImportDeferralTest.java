package org.rapport.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Holding an import's clients back until the import has finished. */
class ImportDeferralTest {
    private final AtomicLong now = new AtomicLong();
    private final ImportDeferral deferral = new ImportDeferral(now::get, 1000);

    @Test
    void holdsAJobsBatchesUntilItFinishes() {
        assertThat(deferral.hold("a", List.of(1L, 2L))).isTrue();
        assertThat(deferral.hold("b", List.of(9L))).isTrue();
        assertThat(deferral.hold("a", List.of(3L, 2L))).isTrue();
        assertThat(deferral.size()).isEqualTo(4);

        assertThat(deferral.finish("a")).containsExactly(1L, 2L, 3L);
        assertThat(deferral.size()).isEqualTo(1);
        assertThat(deferral.finish("a")).isEmpty();
    }

    @Test
    void aBatchAfterItsJobFinishedIsNotHeld() {
        assertThat(deferral.finish("a")).isEmpty();
        assertThat(deferral.hold("a", List.of(1L))).isFalse();
        assertThat(deferral.size()).isZero();
    }

    @Test
    void anImportThatStopsSendingIsReleasedAfterTheStaleTime() {
        deferral.hold("quiet", List.of(1L));
        now.set(500);
        deferral.hold("busy", List.of(2L));
        assertThat(deferral.releaseStale()).isEmpty();
        now.set(1000);
        assertThat(deferral.releaseStale()).containsExactly(1L);
        now.set(1400);
        deferral.hold("busy", List.of(3L));
        now.set(2000);
        assertThat(deferral.releaseStale()).isEmpty();
        now.set(2400);
        assertThat(deferral.releaseStale()).containsExactly(2L, 3L);
        assertThat(deferral.size()).isZero();
    }

    @Test
    void remembersOnlyTheLatestFinishedJobs() {
        deferral.finish("first");
        for (int i = 0; i < 300; i++) {
            deferral.finish("job-" + i);
        }
        assertThat(deferral.hold("first", List.of(1L))).isTrue();
        assertThat(deferral.hold("job-299", List.of(2L))).isFalse();
    }
}
