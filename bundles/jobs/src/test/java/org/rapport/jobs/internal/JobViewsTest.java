package org.rapport.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapport.jobs.JobInfo;
import org.rapport.jobs.JobInfo.JobError;
import org.rapport.jobs.JobInfo.State;

/** The JSON view of a job. */
class JobViewsTest {

    private static JobInfo job(long total, long done, State state) {
        return new JobInfo("abc", "t", "T", state, total, done, Map.of("a", 1L), List.of(new JobError(2, null, "m")), 5,
                Map.of(), null, 4, "Dana", Instant.parse("2026-01-02T03:04:05.678Z"), null, null);
    }

    @Test
    void progressOnlyWhenTheTotalIsKnown() {
        assertThat(JobViews.summary(job(-1, 3, State.RUNNING))).doesNotContainKey("progress");
        assertThat(JobViews.summary(job(0, 0, State.RUNNING))).doesNotContainKey("progress");
        assertThat(JobViews.summary(job(8, 2, State.RUNNING))).containsEntry("progress", 0.25);
        assertThat(JobViews.summary(job(8, 20, State.RUNNING))).containsEntry("progress", 1.0);
    }

    @Test
    void statesAreLowerCaseAndTimesIso() {
        Map<String, Object> view = JobViews.job(job(1, 1, State.INTERRUPTED));
        assertThat(view).containsEntry("state", "interrupted")
                .containsEntry("createdAt", "2026-01-02T03:04:05.678Z")
                .containsEntry("startedAt", null)
                .containsEntry("errorCount", 5L)
                .containsEntry("owner", Map.of("id", 4L, "name", "Dana"));
        assertThat((List<?>) view.get("errors")).hasSize(1);
        assertThat(JobViews.summary(job(1, 1, State.QUEUED))).doesNotContainKey("errors");
    }
}
