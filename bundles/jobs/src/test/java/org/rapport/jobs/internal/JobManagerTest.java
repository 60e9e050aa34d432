package org.rapport.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.jobs.JobInfo;
import org.rapport.jobs.JobInfo.JobError;
import org.rapport.jobs.JobInfo.State;
import org.rapport.jobs.JobRequest;
import org.rapport.testing.MutableClock;
import org.rapport.testing.TestDb;

/** The jobs service over a real database, H2 and PostgreSQL. */
class JobManagerTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final List<JobManager> managers = new ArrayList<>();
    private final List<CountDownLatch> gates = new ArrayList<>();
    private TestDb db;

    static List<String> kinds() {
        return TestDb.kinds();
    }

    private JobManager start(String kind) throws Exception {
        db = TestDb.open(kind).migrate("db/migration/V1__jobs.sql");
        return manager(JobSettings.defaults(), Clock.systemUTC());
    }

    private JobManager manager(JobSettings settings, Clock clock) {
        JobManager manager = new JobManager(db.store(), settings, clock);
        managers.add(manager);
        return manager;
    }

    private CountDownLatch gate() {
        CountDownLatch gate = new CountDownLatch(1);
        gates.add(gate);
        return gate;
    }

    @AfterEach
    void tearDown() throws Exception {
        gates.forEach(CountDownLatch::countDown);
        for (JobManager manager : managers) {
            manager.deactivate();
        }
        if (db != null) {
            db.close();
        }
    }

    private static JobRequest request(long ownerId) {
        return new JobRequest("test.work", "A test job", ownerId, "User " + ownerId);
    }

    private static JobInfo await(JobManager jobs, String id, Predicate<JobInfo> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JobInfo job = jobs.job(id).orElseThrow();
        while (!condition.test(job)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting; last state " + job);
            }
            Thread.sleep(10);
            job = jobs.job(id).orElseThrow();
        }
        return job;
    }

    /** Waits until the job has finished and its end is written; returns it as the service reports it. */
    private JobInfo awaitFinished(JobManager jobs, String id) throws InterruptedException {
        await(jobs, id, j -> j.state().finished());
        awaitStored(id, r -> r.state().finished());
        return jobs.job(id).orElseThrow();
    }

    /** The job as recorded in the database (not the live state). */
    private JobInfo stored(String id) {
        return db.jdbi().withHandle(h -> JobRepository.byId(h, id)).orElseThrow();
    }

    private JobInfo awaitStored(String id, Predicate<JobInfo> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JobInfo job = stored(id);
        while (!condition.test(job)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for the database; last row " + job);
            }
            Thread.sleep(10);
            job = stored(id);
        }
        return job;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aJobRunsAndItsReportIsPersisted(String kind) throws Exception {
        JobManager jobs = start(kind);
        JobInfo queued = jobs.submit(request(7), ctx -> {
            ctx.total(4);
            for (int i = 1; i <= 4; i++) {
                ctx.count(i == 3 ? "rejected" : "imported", 1);
                if (i == 3) {
                    ctx.error(3, "email", "is not an email address");
                }
                ctx.progress(i);
            }
            ctx.result(Map.of("download", "/files/report.csv", "rows", 4));
        });
        assertThat(queued.state()).isEqualTo(State.QUEUED);
        assertThat(queued.id()).matches("[0-9a-f]{32}");
        assertThat(queued.ownerId()).isEqualTo(7);
        assertThat(queued.total()).isEqualTo(-1);

        JobInfo done = awaitFinished(jobs, queued.id());
        assertThat(done.state()).isEqualTo(State.SUCCEEDED);

        JobInfo row = stored(queued.id());
        assertThat(row.state()).isEqualTo(State.SUCCEEDED);
        assertThat(row.type()).isEqualTo("test.work");
        assertThat(row.title()).isEqualTo("A test job");
        assertThat(row.ownerName()).isEqualTo("User 7");
        assertThat(row.total()).isEqualTo(4);
        assertThat(row.done()).isEqualTo(4);
        assertThat(row.counts()).containsExactlyInAnyOrderEntriesOf(Map.of("imported", 3L, "rejected", 1L));
        assertThat(row.errors()).containsExactly(new JobError(3, "email", "is not an email address"));
        assertThat(row.errorCount()).isEqualTo(1);
        assertThat(row.result()).containsEntry("download", "/files/report.csv").containsEntry("rows", 4);
        assertThat(row.message()).isNull();
        assertThat(row.createdAt()).isEqualTo(queued.createdAt());
        assertThat(row.startedAt()).isNotNull().isAfterOrEqualTo(row.createdAt());
        assertThat(row.finishedAt()).isNotNull().isAfterOrEqualTo(row.startedAt());
        assertThat(jobs.job(queued.id())).contains(row);
        assertThat(JobViews.progress(row)).isEqualTo(1.0);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void workThatThrowsEndsFailedWithItsMessage(String kind) throws Exception {
        JobManager jobs = start(kind);
        JobInfo job = jobs.submit(request(1), ctx -> {
            ctx.total(10);
            ctx.progress(2);
            throw new IllegalStateException("The file is not UTF-8");
        });
        JobInfo failed = awaitFinished(jobs, job.id());
        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.message()).isEqualTo("The file is not UTF-8");
        assertThat(stored(job.id())).satisfies(row -> {
            assertThat(row.state()).isEqualTo(State.FAILED);
            assertThat(row.message()).isEqualTo("The file is not UTF-8");
            assertThat(row.done()).isEqualTo(2);
        });

        JobInfo nullMessage = jobs.submit(request(1), ctx -> {
            throw new NullPointerException();
        });
        assertThat(awaitFinished(jobs, nullMessage.id()).message()).isEqualTo("NullPointerException");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void progressIsWrittenWhileTheJobRuns(String kind) throws Exception {
        JobManager jobs = start(kind);
        CountDownLatch gate = gate();
        JobInfo job = jobs.submit(request(1), ctx -> {
            ctx.total(100);
            ctx.progress(40);
            ctx.count("imported", 40);
            gate.await();
        });
        JobInfo live = await(jobs, job.id(), j -> j.done() == 40);
        assertThat(live.state()).isEqualTo(State.RUNNING);
        JobInfo row = awaitStored(job.id(), r -> r.done() == 40);
        assertThat(row.state()).isEqualTo(State.RUNNING);
        assertThat(row.total()).isEqualTo(100);
        assertThat(row.counts()).containsEntry("imported", 40L);
        assertThat(JobViews.progress(row)).isEqualTo(0.4);
        gate.countDown();
        assertThat(awaitFinished(jobs, job.id()).state()).isEqualTo(State.SUCCEEDED);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aRunningJobCanBeCancelled(String kind) throws Exception {
        JobManager jobs = start(kind);
        CountDownLatch started = new CountDownLatch(1);
        JobInfo job = jobs.submit(request(1), ctx -> {
            long i = 0;
            started.countDown();
            while (!ctx.cancelled()) {
                ctx.progress(++i);
                Thread.sleep(5);
            }
        });
        assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        await(jobs, job.id(), j -> j.done() > 0);
        assertThat(jobs.cancel(job.id())).isTrue();
        JobInfo cancelled = awaitFinished(jobs, job.id());
        assertThat(cancelled.state()).isEqualTo(State.CANCELLED);
        assertThat(stored(job.id()).state()).isEqualTo(State.CANCELLED);
        assertThat(stored(job.id()).done()).isPositive();
        assertThat(jobs.cancel(job.id())).as("already finished").isFalse();
        assertThat(jobs.cancel("no-such-job")).isFalse();
        assertThat(jobs.cancel("../../etc")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aQueuedJobCanBeCancelledAndNeverRuns(String kind) throws Exception {
        db = TestDb.open(kind).migrate("db/migration/V1__jobs.sql");
        JobManager jobs = manager(JobSettings.defaults().withThreads(1), Clock.systemUTC());
        CountDownLatch gate = gate();
        JobInfo blocker = jobs.submit(request(1), ctx -> gate.await());
        AtomicBoolean ran = new AtomicBoolean();
        JobInfo waiting = jobs.submit(request(1), ctx -> ran.set(true));
        await(jobs, blocker.id(), j -> j.state() == State.RUNNING);
        assertThat(jobs.job(waiting.id()).orElseThrow().state()).isEqualTo(State.QUEUED);

        assertThat(jobs.cancel(waiting.id())).isTrue();
        assertThat(jobs.job(waiting.id()).orElseThrow().state()).isEqualTo(State.CANCELLED);
        assertThat(stored(waiting.id())).satisfies(row -> {
            assertThat(row.state()).isEqualTo(State.CANCELLED);
            assertThat(row.startedAt()).isNull();
            assertThat(row.finishedAt()).isNotNull();
        });

        gate.countDown();
        assertThat(awaitFinished(jobs, blocker.id()).state()).isEqualTo(State.SUCCEEDED);
        JobInfo after = jobs.submit(request(1), ctx -> { });
        awaitFinished(jobs, after.id());
        assertThat(ran).as("the cancelled job's work never ran").isFalse();
        assertThat(stored(waiting.id()).state()).isEqualTo(State.CANCELLED);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void errorsAreCappedButAllCounted(String kind) throws Exception {
        JobManager jobs = start(kind);
        JobInfo job = jobs.submit(request(1), ctx -> {
            for (int line = 1; line <= 2500; line++) {
                ctx.error(line, line % 2 == 0 ? "name" : null, "bad line " + line);
            }
        });
        awaitFinished(jobs, job.id());
        JobInfo row = stored(job.id());
        assertThat(row.state()).isEqualTo(State.SUCCEEDED);
        assertThat(row.errorCount()).isEqualTo(2500);
        assertThat(row.errors()).hasSize(JobInfo.MAX_ERRORS);
        assertThat(row.errors().get(0)).isEqualTo(new JobError(1, null, "bad line 1"));
        assertThat(row.errors().get(999)).isEqualTo(new JobError(1000, "name", "bad line 1000"));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void jobsLeftUnfinishedAreInterruptedOnTheNextStart(String kind) throws Exception {
        db = TestDb.open(kind).migrate("db/migration/V1__jobs.sql");
        JobManager first = manager(JobSettings.defaults().withThreads(1), Clock.systemUTC());
        CountDownLatch gate = gate();
        JobInfo running = first.submit(request(1), ctx -> {
            ctx.total(10);
            ctx.progress(3);
            gate.await();
        });
        JobInfo queued = first.submit(request(1), ctx -> { });
        await(first, running.id(), j -> j.state() == State.RUNNING);
        awaitStored(running.id(), r -> r.state() == State.RUNNING && r.done() == 3);

        // the server was killed: a new instance starts over the same database
        JobManager second = manager(JobSettings.defaults(), Clock.systemUTC());
        JobInfo interrupted = second.job(running.id()).orElseThrow();
        assertThat(interrupted.state()).isEqualTo(State.INTERRUPTED);
        assertThat(interrupted.message()).isEqualTo(JobManager.STOPPED_WHILE_RUNNING);
        assertThat(interrupted.done()).isEqualTo(3);
        assertThat(interrupted.finishedAt()).isNotNull();
        JobInfo neverStarted = second.job(queued.id()).orElseThrow();
        assertThat(neverStarted.state()).isEqualTo(State.INTERRUPTED);
        assertThat(neverStarted.message()).isEqualTo(JobManager.STOPPED_BEFORE_START);

        // the old instance's late writes do not resurrect the job
        gate.countDown();
        awaitFinished(first, running.id());
        Thread.sleep(100);
        assertThat(stored(running.id()).state()).isEqualTo(State.INTERRUPTED);
        assertThat(stored(queued.id()).state()).isEqualTo(State.INTERRUPTED);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void stoppingCancelsRunningJobsAndInterruptsTheRest(String kind) throws Exception {
        db = TestDb.open(kind).migrate("db/migration/V1__jobs.sql");
        JobManager jobs = new JobManager(db.store(), JobSettings.defaults().withThreads(2)
                .withShutdownGrace(Duration.ofMillis(500)), Clock.systemUTC());
        CountDownLatch started = new CountDownLatch(2);
        JobInfo polite = jobs.submit(request(1), ctx -> {
            started.countDown();
            while (!ctx.cancelled()) {
                Thread.sleep(5);
            }
        });
        CountDownLatch never = gate();
        JobInfo stubborn = jobs.submit(request(1), ctx -> {
            started.countDown();
            while (true) {
                try {
                    never.await();
                    return;
                } catch (InterruptedException e) {
                    // ignores even interrupts
                }
            }
        });
        JobInfo queued = jobs.submit(request(1), ctx -> { });
        assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        long before = System.nanoTime();
        jobs.deactivate();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));

        assertThat(stored(polite.id()).state()).isEqualTo(State.INTERRUPTED);
        assertThat(stored(polite.id()).message()).isEqualTo(JobManager.STOPPED_WHILE_RUNNING);
        assertThat(stored(stubborn.id()).state()).isEqualTo(State.INTERRUPTED);
        assertThat(stored(queued.id()).state()).isEqualTo(State.INTERRUPTED);
        assertThat(stored(queued.id()).message()).isEqualTo(JobManager.STOPPED_BEFORE_START);
        assertThatThrownBy(() -> jobs.submit(request(1), ctx -> { })).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void oldFinishedJobsAreDeletedOnStart(String kind) throws Exception {
        db = TestDb.open(kind).migrate("db/migration/V1__jobs.sql");
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
        JobManager then = manager(JobSettings.defaults(), clock);
        JobInfo old = then.submit(request(1), ctx -> { });
        awaitFinished(then, old.id());
        clock.advance(Duration.ofDays(20));
        JobInfo recent = then.submit(request(1), ctx -> { });
        awaitFinished(then, recent.id());

        clock.advance(Duration.ofDays(11));
        manager(JobSettings.defaults(), clock);
        Optional<JobInfo> deleted = db.jdbi().withHandle(h -> JobRepository.byId(h, old.id()));
        assertThat(deleted).isEmpty();
        assertThat(stored(recent.id()).state()).isEqualTo(State.SUCCEEDED);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void recentListsNewestFirstPerOwnerWithLiveState(String kind) throws Exception {
        db = TestDb.open(kind).migrate("db/migration/V1__jobs.sql");
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
        JobManager jobs = manager(JobSettings.defaults(), clock);
        JobInfo a = jobs.submit(request(1), ctx -> { });
        awaitFinished(jobs, a.id());
        clock.advance(Duration.ofSeconds(1));
        JobInfo b = jobs.submit(request(2), ctx -> { });
        awaitFinished(jobs, b.id());
        clock.advance(Duration.ofSeconds(1));
        CountDownLatch gate = gate();
        JobInfo c = jobs.submit(request(1), ctx -> {
            ctx.progress(5);
            gate.await();
        });
        await(jobs, c.id(), j -> j.done() == 5);

        assertThat(jobs.recent(1, 50)).extracting(JobInfo::id).containsExactly(c.id(), a.id());
        assertThat(jobs.recent(1, 50).get(0).done()).as("live state").isEqualTo(5);
        assertThat(jobs.recent(0, 50)).extracting(JobInfo::id).containsExactly(c.id(), b.id(), a.id());
        assertThat(jobs.recent(0, 2)).hasSize(2);
        assertThat(jobs.recent(0, 0)).as("limit clamped to 1").hasSize(1);
        assertThat(jobs.recent(3, 50)).isEmpty();
        gate.countDown();
        awaitFinished(jobs, c.id());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void unknownAndMalformedIdsAreNotFound(String kind) throws Exception {
        JobManager jobs = start(kind);
        assertThat(jobs.job("0123456789abcdef0123456789abcdef")).isEmpty();
        assertThat(jobs.job(null)).isEmpty();
        assertThat(jobs.job("")).isEmpty();
        assertThat(jobs.job("x'; DROP TABLE job; --")).isEmpty();
        assertThat(jobs.job("a".repeat(500))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void badReportsFailTheJobNotTheService(String kind) throws Exception {
        JobManager jobs = start(kind);
        JobInfo job = jobs.submit(request(1), ctx -> ctx.result(Map.of("stream", new Object() {
            @SuppressWarnings("unused")
            public Object getSelf() {
                return this;
            }
        })));
        JobInfo failed = awaitFinished(jobs, job.id());
        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.message()).startsWith("Not writable as JSON");
        JobInfo next = jobs.submit(request(1), ctx -> ctx.count("ok", 1));
        assertThat(awaitFinished(jobs, next.id()).state()).isEqualTo(State.SUCCEEDED);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void moreThreadsLetWaitingJobsStart(String kind) throws Exception {
        db = TestDb.open(kind).migrate("db/migration/V1__jobs.sql");
        JobManager jobs = manager(JobSettings.defaults().withThreads(1), Clock.systemUTC());
        CountDownLatch gate = gate();
        JobInfo first = jobs.submit(request(1), ctx -> gate.await());
        JobInfo second = jobs.submit(request(1), ctx -> gate.await());
        await(jobs, first.id(), j -> j.state() == State.RUNNING);
        Thread.sleep(50);
        assertThat(jobs.job(second.id()).orElseThrow().state()).isEqualTo(State.QUEUED);

        jobs.resize(2);
        assertThat(jobs.threads()).isEqualTo(2);
        await(jobs, second.id(), j -> j.state() == State.RUNNING);
        jobs.resize(1);
        assertThat(jobs.threads()).isEqualTo(1);
        gate.countDown();
        assertThat(awaitFinished(jobs, first.id()).state()).isEqualTo(State.SUCCEEDED);
        assertThat(awaitFinished(jobs, second.id()).state()).isEqualTo(State.SUCCEEDED);
    }
}
