package org.rapport.jobs.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.HandleCallback;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.rapport.jobs.JobInfo;
import org.rapport.jobs.JobInfo.State;
import org.rapport.jobs.JobRequest;
import org.rapport.jobs.JobWork;
import org.rapport.jobs.Jobs;
import org.rapport.store.SchemaReady;
import org.rapport.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Jobs} service: runs submitted work on a fixed pool of threads, keeps each job's
 * live state in memory while it runs and writes it to the {@code job} table (at start, every
 * {@link JobSettings#flushInterval()} while it changes, and at the end). On start it marks jobs
 * a previous run left unfinished INTERRUPTED and deletes finished jobs past their retention; on
 * stop it cancels running jobs, waits briefly, and marks what did not finish INTERRUPTED.
 *
 * <p>With several servers on one PostgreSQL, a server starting marks every unfinished job
 * INTERRUPTED, including jobs another server is running (their later writes are then ignored).
 */
@Component(service = Jobs.class, configurationPid = JobsConfig.PID)
@Designate(ocd = JobsConfig.class)
public final class JobManager implements Jobs {
    private static final Logger LOG = LoggerFactory.getLogger(JobManager.class);

    static final int MAX_LIMIT = 500;
    static final int MAX_TYPE_LENGTH = 100;
    static final int MAX_TITLE_LENGTH = 500;
    static final int MAX_OWNER_NAME_LENGTH = 200;
    static final int MAX_MESSAGE_LENGTH = 2000;
    static final String STOPPED_BEFORE_START = "The server stopped before the job started";
    static final String STOPPED_WHILE_RUNNING = "The server stopped while the job was running";

    private final Store store;
    private final Clock clock;
    private volatile JobSettings settings;
    private final ThreadPoolExecutor executor;
    private final ScheduledExecutorService flusher;
    private final Map<String, RunningJob> active = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private volatile boolean flushFailing;

    @Activate
    public JobManager(@Reference Store store, @Reference(target = "(bundle=org.rapport.jobs)") SchemaReady schema,
            JobsConfig config) {
        this(store, JobSettings.of(config), Clock.systemUTC());
    }

    JobManager(Store store, JobSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        recover();
        deleteExpired();
        this.executor = new ThreadPoolExecutor(settings.threads(), settings.threads(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), threads("rapport-job-"));
        this.flusher = Executors.newSingleThreadScheduledExecutor(threads("rapport-jobs-flush-"));
        long interval = settings.flushInterval().toMillis();
        flusher.scheduleWithFixedDelay(this::flushProgress, interval, interval, TimeUnit.MILLISECONDS);
        LOG.info("Jobs service started with {} thread(s)", settings.threads());
    }

    /**
     * Applies a changed configuration without stopping running jobs: the thread count at once,
     * the shutdown grace at the next stop, the retention at the next start.
     */
    @Modified
    void modified(JobsConfig config) {
        JobSettings changed = JobSettings.of(config);
        settings = changed;
        resize(changed.threads());
    }

    /** Sets how many jobs run at once; running jobs go on, extra threads end when idle. */
    void resize(int wanted) {
        int threads = settings.withThreads(wanted).threads();
        synchronized (executor) {
            if (threads > executor.getMaximumPoolSize()) {
                executor.setMaximumPoolSize(threads);
                executor.setCorePoolSize(threads);
            } else {
                executor.setCorePoolSize(threads);
                executor.setMaximumPoolSize(threads);
            }
        }
        LOG.info("Jobs service now runs up to {} job(s) at once", threads);
    }

    int threads() {
        return executor.getMaximumPoolSize();
    }

    /**
     * Stops: every job sees {@code cancelled()}, jobs that have not started are not started,
     * running ones get {@link JobSettings#shutdownGrace()} to return (then their threads are
     * interrupted), and every job still unfinished is recorded INTERRUPTED.
     */
    @Deactivate
    void deactivate() {
        stopping = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} job(s) did not stop within {} ms; interrupting them", executor.getActiveCount(),
                        settings.shutdownGrace().toMillis());
                executor.shutdownNow();
                executor.awaitTermination(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        flusher.shutdownNow();
        for (RunningJob job : new ArrayList<>(active.values())) {
            State state = job.state();
            finish(job, State.INTERRUPTED, state == State.QUEUED ? STOPPED_BEFORE_START : STOPPED_WHILE_RUNNING);
        }
        LOG.info("Jobs service stopped");
    }

    @Override
    public JobInfo submit(JobRequest request, JobWork work) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(work, "work");
        if (request.type().length() > MAX_TYPE_LENGTH) {
            throw new IllegalArgumentException("A job type has at most " + MAX_TYPE_LENGTH + " characters");
        }
        if (stopping) {
            throw new IllegalStateException("The jobs service is stopping");
        }
        JobRequest recorded = new JobRequest(request.type(), RunningJob.truncate(request.title(), MAX_TITLE_LENGTH),
                request.ownerId(), RunningJob.truncate(request.ownerName(), MAX_OWNER_NAME_LENGTH));
        RunningJob job = new RunningJob(JobIds.next(), recorded, now(), work, () -> stopping);
        JobInfo info = job.snapshot();
        store.inTransaction(tx -> {
            JobRepository.insert(tx.handle(), info);
            return null;
        });
        active.put(info.id(), job);
        try {
            executor.execute(() -> run(job));
        } catch (RejectedExecutionException e) {
            finish(job, State.INTERRUPTED, STOPPED_BEFORE_START);
            throw new IllegalStateException("The jobs service is stopping");
        }
        LOG.debug("Job {} ({}) queued", info.id(), info.type());
        return info;
    }

    @Override
    public Optional<JobInfo> job(String id) {
        if (!JobIds.valid(id)) {
            return Optional.empty();
        }
        RunningJob live = active.get(id);
        if (live != null) {
            return Optional.of(live.snapshot());
        }
        return withHandle(h -> JobRepository.byId(h, id));
    }

    @Override
    public List<JobInfo> recent(long ownerId, int limit) {
        int bounded = Math.max(1, Math.min(MAX_LIMIT, limit));
        List<JobInfo> rows = withHandle(h -> JobRepository.recent(h, ownerId, bounded));
        return rows.stream().map(row -> {
            RunningJob live = active.get(row.id());
            return live == null ? row : live.snapshot();
        }).toList();
    }

    @Override
    public boolean cancel(String id) {
        if (!JobIds.valid(id)) {
            return false;
        }
        RunningJob job = active.get(id);
        if (job == null) {
            return false;
        }
        switch (job.requestCancel(now())) {
            case FINISHED:
                return false;
            case DEQUEUED:
                write(job.snapshot());
                active.remove(id, job);
                LOG.info("Job {} ({}) cancelled before it started", id, job.request().type());
                return true;
            default:
                LOG.info("Job {} ({}) asked to stop", id, job.request().type());
                return true;
        }
    }

    /** The worker: runs one job's work and records how it ended. */
    private void run(RunningJob job) {
        try {
            if (stopping) {
                finish(job, State.INTERRUPTED, STOPPED_BEFORE_START);
                return;
            }
            Instant started = now();
            if (!job.begin(started)) {
                return;
            }
            if (!markRunning(job, started)) {
                job.end(State.INTERRUPTED, "The job's record was no longer queued", now());
                LOG.warn("Job {} ({}) not run: its record is no longer queued", job.id(), job.request().type());
                return;
            }
            Throwable failure = null;
            try {
                job.work().run(job);
            } catch (Throwable t) {
                failure = t;
            }
            ended(job, failure);
        } finally {
            active.remove(job.id(), job);
        }
    }

    private boolean markRunning(RunningJob job, Instant started) {
        try {
            return withHandle(h -> JobRepository.markRunning(h, job.id(), started));
        } catch (RuntimeException e) {
            LOG.warn("Could not record job {} as running (running it anyway): {}", job.id(), e.toString());
            return true;
        }
    }

    private void ended(RunningJob job, Throwable failure) {
        String id = job.id();
        String type = job.request().type();
        boolean stopSignal = failure instanceof InterruptedException || failure instanceof CancellationException;
        if (failure != null && !(stopSignal && (job.cancelRequested() || stopping))) {
            LOG.warn("Job {} ({}) failed", id, type, failure);
            finish(job, State.FAILED, failureMessage(failure));
        } else if (job.cancelRequested()) {
            LOG.info("Job {} ({}) cancelled", id, type);
            finish(job, State.CANCELLED, "Cancelled");
        } else if (stopping && (job.cancelSeen() || failure != null)) {
            LOG.info("Job {} ({}) interrupted by the server stopping", id, type);
            finish(job, State.INTERRUPTED, STOPPED_WHILE_RUNNING);
        } else {
            LOG.debug("Job {} ({}) succeeded", id, type);
            finish(job, State.SUCCEEDED, null);
        }
    }

    static String failureMessage(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            message = failure.getClass().getSimpleName();
        }
        return RunningJob.truncate(message.strip(), MAX_MESSAGE_LENGTH);
    }

    /** Ends the job in memory (if it has not ended yet) and writes its final state. */
    private void finish(RunningJob job, State state, String message) {
        JobInfo last = job.end(state, message, now());
        if (last != null) {
            write(last);
        }
        active.remove(job.id(), job);
    }

    private void write(JobInfo last) {
        try {
            if (!withHandle(h -> JobRepository.finish(h, last))) {
                LOG.info("Job {} had already been recorded as finished; its end ({}) is not written", last.id(),
                        last.state());
            }
        } catch (RuntimeException e) {
            LOG.error("Could not record the end of job {} ({}); it will read as interrupted after a restart", last.id(),
                    last.state(), e);
        }
    }

    /** Writes the progress of running jobs that changed since their last write (the flusher's task). */
    void flushProgress() {
        for (RunningJob job : active.values()) {
            try {
                RunningJob.Pending pending = job.pendingProgress();
                if (pending == null) {
                    continue;
                }
                withHandle(h -> JobRepository.progress(h, pending.info()));
                job.written(pending.version());
                if (flushFailing) {
                    flushFailing = false;
                    LOG.info("Job progress is being written again");
                }
            } catch (RuntimeException e) {
                // keep the flusher alive; the next run tries again
                if (!flushFailing) {
                    flushFailing = true;
                    LOG.warn("Could not write job progress (will retry): {}", e.toString());
                }
            }
        }
    }

    /** Jobs a previous run left queued or running can no longer finish: record them INTERRUPTED. */
    private void recover() {
        try {
            Instant now = now();
            int queued = withHandle(h -> JobRepository.interrupt(h, State.QUEUED, STOPPED_BEFORE_START, now));
            int running = withHandle(h -> JobRepository.interrupt(h, State.RUNNING, STOPPED_WHILE_RUNNING, now));
            if (queued + running > 0) {
                LOG.warn("Marked {} job(s) left unfinished by the previous run as interrupted", queued + running);
            }
        } catch (RuntimeException e) {
            LOG.error("Could not mark jobs left unfinished by the previous run as interrupted", e);
        }
    }

    private void deleteExpired() {
        try {
            Instant cutoff = now().minus(settings.retention());
            int deleted = withHandle(h -> JobRepository.deleteFinishedBefore(h, cutoff));
            if (deleted > 0) {
                LOG.info("Deleted {} finished job(s) older than {} day(s)", deleted, settings.retention().toDays());
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not delete old jobs: {}", e.toString());
        }
    }

    private <R> R withHandle(HandleCallback<R, RuntimeException> callback) {
        return store.jdbi().withHandle(callback);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
