package org.rapport.records.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rapport.jobs.JobContext;
import org.rapport.jobs.JobInfo;

/** A job context that keeps what it is told, for tests. */
final class FakeJob implements JobContext {
    final Map<String, Long> counts = new ConcurrentHashMap<>();
    final List<JobInfo.JobError> errors = new ArrayList<>();
    long total = -1;
    long done;
    volatile boolean cancelled;

    @Override
    public String id() {
        return "test";
    }

    @Override
    public void total(long total) {
        this.total = total;
    }

    @Override
    public void progress(long done) {
        this.done = done;
    }

    @Override
    public void count(String name, long delta) {
        counts.merge(name, delta, Long::sum);
    }

    @Override
    public void error(long item, String field, String message) {
        errors.add(new JobInfo.JobError(item, field, message));
    }

    @Override
    public void result(Map<String, Object> result) {
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    long count(String name) {
        return counts.getOrDefault(name, 0L);
    }
}
