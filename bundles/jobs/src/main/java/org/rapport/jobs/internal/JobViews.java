package org.rapport.jobs.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rapport.jobs.JobInfo;
import org.rapport.jobs.JobInfo.JobError;

/** The JSON shape of a job in the REST API. */
final class JobViews {
    private JobViews() {
    }

    /** The full view: everything, including the recorded item errors. */
    static Map<String, Object> job(JobInfo job) {
        Map<String, Object> view = summary(job);
        view.put("errors", errors(job.errors()));
        return view;
    }

    /** The view in lists: like {@link #job} without the {@code errors} array ({@code errorCount} stays). */
    static Map<String, Object> summary(JobInfo job) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", job.id());
        view.put("type", job.type());
        view.put("title", job.title());
        view.put("state", state(job.state()));
        view.put("total", job.total());
        view.put("done", job.done());
        Double progress = progress(job);
        if (progress != null) {
            view.put("progress", progress);
        }
        view.put("counts", job.counts());
        view.put("errorCount", job.errorCount());
        view.put("result", job.result());
        view.put("message", job.message());
        Map<String, Object> owner = new LinkedHashMap<>();
        owner.put("id", job.ownerId());
        owner.put("name", job.ownerName());
        view.put("owner", owner);
        view.put("createdAt", iso(job.createdAt()));
        view.put("startedAt", iso(job.startedAt()));
        view.put("finishedAt", iso(job.finishedAt()));
        return view;
    }

    /** The state as the API spells it: lower case, e.g. {@code "running"}. */
    static String state(JobInfo.State state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    /** {@code done / total} between 0 and 1 when the total is known and positive, else {@code null}. */
    static Double progress(JobInfo job) {
        if (job.total() <= 0) {
            return null;
        }
        double ratio = (double) job.done() / job.total();
        return Math.max(0.0, Math.min(1.0, ratio));
    }

    private static List<Map<String, Object>> errors(List<JobError> errors) {
        return errors.stream().map(e -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("item", e.item());
            view.put("field", e.field());
            view.put("message", e.message());
            return view;
        }).toList();
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
