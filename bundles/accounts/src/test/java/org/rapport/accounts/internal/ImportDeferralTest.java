package org.rapport.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Holding imported clients back from scoring while imports run. */
class ImportDeferralTest {
    private final AtomicLong now = new AtomicLong();
    private final ImportDeferral deferral = new ImportDeferral(now::get, 1000);

    @Test
    void holdsWhileAnyImportRunsAndReleasesOnceWhenTheLastFinishes() {
        assertThat(deferral.hold("a", 2)).isTrue();
        assertThat(deferral.hold("b", 1)).isTrue();
        assertThat(deferral.hold("a", 2)).isTrue();
        assertThat(deferral.size()).isEqualTo(5);

        assertThat(deferral.running()).isTrue();
        assertThat(deferral.finish("a")).isFalse(); // b still runs
        assertThat(deferral.size()).isEqualTo(5);
        assertThat(deferral.running()).isTrue();
        assertThat(deferral.finish("b")).isTrue();
        assertThat(deferral.running()).isFalse();
        assertThat(deferral.size()).isZero();
        assertThat(deferral.finish("b")).isFalse(); // nothing held any more
    }

    @Test
    void anImportWithoutNewClientsReleasesNothing() {
        assertThat(deferral.finish("empty")).isFalse();
    }

    @Test
    void aBatchAfterItsJobFinishedIsNotHeld() {
        deferral.finish("a");
        assertThat(deferral.hold("a", 1)).isFalse();
        assertThat(deferral.size()).isZero();
    }

    @Test
    void anImportThatStopsSendingNoLongerHoldsTheScoringBack() {
        deferral.hold("quiet", 1);
        now.set(500);
        deferral.hold("busy", 1);
        assertThat(deferral.releaseStale()).isFalse();
        now.set(1000);
        assertThat(deferral.releaseStale()).isFalse(); // quiet is stale, busy still runs
        now.set(1400);
        deferral.hold("busy", 1);
        now.set(2000);
        assertThat(deferral.releaseStale()).isFalse();
        now.set(2400);
        assertThat(deferral.releaseStale()).isTrue();
        assertThat(deferral.size()).isZero();
        assertThat(deferral.releaseStale()).isFalse();
    }

    @Test
    void remembersOnlyTheLatestFinishedJobs() {
        deferral.finish("first");
        for (int i = 0; i < 300; i++) {
            deferral.finish("job-" + i);
        }
        assertThat(deferral.hold("first", 1)).isTrue();
        assertThat(deferral.hold("job-299", 1)).isFalse();
    }
}
