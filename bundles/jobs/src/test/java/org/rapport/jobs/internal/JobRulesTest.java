package org.rapport.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapport.jobs.JobInfo;
import org.rapport.jobs.JobInfo.State;
import org.rapport.jobs.JobRequest;

/** The in-memory rules of a job's report, without a database. */
class JobRulesTest {
    private final Instant now = Instant.parse("2026-01-01T10:00:00Z");

    private RunningJob job() {
        return new RunningJob("j1", new JobRequest("t", null, 3, null), now, ctx -> { }, () -> false);
    }

    @Test
    void aRequestDefaultsItsTitleAndOwnerName() {
        JobInfo info = job().snapshot();
        assertThat(info.title()).isEqualTo("t");
        assertThat(info.ownerName()).isEmpty();
        assertThat(info.state()).isEqualTo(State.QUEUED);
        assertThat(info.total()).isEqualTo(-1);
    }

    @Test
    void errorsAreCappedAndTruncated() {
        RunningJob job = job();
        job.error(1, "f".repeat(500), "m".repeat(5000));
        job.error(2, null, null);
        for (int i = 0; i < JobInfo.MAX_ERRORS + 10; i++) {
            job.error(i, null, "x");
        }
        JobInfo info = job.snapshot();
        assertThat(info.errorCount()).isEqualTo(JobInfo.MAX_ERRORS + 12L);
        assertThat(info.errors()).hasSize(JobInfo.MAX_ERRORS);
        assertThat(info.errors().get(0).field()).hasSize(RunningJob.MAX_ERROR_FIELD_LENGTH);
        assertThat(info.errors().get(0).message()).hasSize(RunningJob.MAX_ERROR_MESSAGE_LENGTH).endsWith("…");
        assertThat(info.errors().get(1).message()).isEmpty();
    }

    @Test
    void countsAddUpAndNeedSensibleNames() {
        RunningJob job = job();
        job.count("imported", 2);
        job.count("imported", 3);
        job.count("rejected", 1);
        assertThat(job.snapshot().counts()).containsExactlyInAnyOrderEntriesOf(Map.of("imported", 5L, "rejected", 1L));
        assertThatThrownBy(() -> job.count(" ", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> job.count(null, 1)).isInstanceOf(IllegalArgumentException.class);
        for (int i = 0; i < RunningJob.MAX_COUNT_NAMES - 2; i++) {
            job.count("c" + i, 1);
        }
        assertThatThrownBy(() -> job.count("one-too-many", 1)).isInstanceOf(IllegalArgumentException.class);
        job.count("imported", 1);
    }

    @Test
    void resultDropsNullsAndRejectsHugeMaps() {
        RunningJob job = job();
        Map<String, Object> result = new HashMap<>();
        result.put("link", "/x");
        result.put("nothing", null);
        job.result(result);
        assertThat(job.snapshot().result()).containsExactly(Map.entry("link", "/x"));
        assertThatThrownBy(() -> job.result(Map.of("big", "x".repeat(JobJson.MAX_RESULT_CHARS))))
                .isInstanceOf(IllegalArgumentException.class);
        job.result(null);
        assertThat(job.snapshot().result()).isEmpty();
    }

    @Test
    void theFirstEndingWinsAndAQueuedCancelEndsAtOnce() {
        RunningJob job = job();
        assertThat(job.requestCancel(now)).isEqualTo(RunningJob.CancelOutcome.DEQUEUED);
        assertThat(job.snapshot().state()).isEqualTo(State.CANCELLED);
        assertThat(job.begin(now)).isFalse();
        assertThat(job.end(State.SUCCEEDED, null, now)).isNull();
        assertThat(job.requestCancel(now)).isEqualTo(RunningJob.CancelOutcome.FINISHED);

        RunningJob running = job();
        assertThat(running.begin(now)).isTrue();
        assertThat(running.cancelled()).isFalse();
        assertThat(running.requestCancel(now)).isEqualTo(RunningJob.CancelOutcome.SIGNALLED);
        assertThat(running.cancelled()).isTrue();
        assertThat(running.cancelSeen()).isTrue();
    }

    @Test
    void onlyChangedRunningStateIsPendingForWriting() {
        RunningJob job = job();
        job.progress(1);
        assertThat(job.pendingProgress()).as("queued").isNull();
        job.begin(now);
        RunningJob.Pending pending = job.pendingProgress();
        assertThat(pending).isNotNull();
        job.written(pending.version());
        assertThat(job.pendingProgress()).isNull();
        job.progress(2);
        assertThat(job.pendingProgress().info().done()).isEqualTo(2);
    }

    @Test
    void idsAreRandomAndUrlSafe() {
        String a = JobIds.next();
        assertThat(a).matches("[0-9a-f]{32}").isNotEqualTo(JobIds.next());
        assertThat(JobIds.valid(a)).isTrue();
        assertThat(JobIds.valid("a/b")).isFalse();
        assertThat(JobIds.valid("")).isFalse();
        assertThat(JobIds.valid(null)).isFalse();
    }

    @Test
    void settingsAreClamped() {
        JobSettings settings = JobSettings.defaults();
        assertThat(settings.threads()).isEqualTo(2);
        assertThat(settings.withThreads(0).threads()).isEqualTo(1);
        assertThat(settings.withThreads(1000).threads()).isEqualTo(JobSettings.MAX_THREADS);
        assertThat(settings.retention().toDays()).isEqualTo(30);
    }
}
