package org.rapport.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.jobs.JobInfo;
import org.rapport.jobs.JobInfo.State;
import org.rapport.jobs.JobRequest;
import org.rapport.security.Access;
import org.rapport.security.Principal;
import org.rapport.security.Role;
import org.rapport.testing.TestDb;
import org.rapport.web.Json;

/** {@code /api/v1/jobs} over the real service on H2, with faked requests and responses. */
class JobsServletTest {
    private static final Principal ALICE = staff(1, "alice", Role.MANAGER);
    private static final Principal BOB = staff(2, "bob", Role.AGENT);
    private static final Principal ADMIN = staff(3, "admin", Role.ADMIN);

    private final CountDownLatch gate = new CountDownLatch(1);
    private TestDb db;
    private JobManager jobs;
    private JobsServlet servlet;

    /** A response as written. */
    record Answer(int status, JsonNode body) {
    }

    private static Principal staff(long id, String name, Role role) {
        return new Principal(id, name, name, Set.of(role), Principal.Kind.SESSION, null, Set.of());
    }

    @BeforeEach
    void setUp() throws Exception {
        db = TestDb.open(TestDb.H2).migrate("db/migration/V1__jobs.sql");
        jobs = new JobManager(db.store(), JobSettings.defaults(), Clock.systemUTC());
        servlet = new JobsServlet(jobs);
    }

    @AfterEach
    void tearDown() throws Exception {
        gate.countDown();
        jobs.deactivate();
        db.close();
    }

    private Answer call(Principal caller, String method, String pathInfo, Map<String, String> params) throws Exception {
        Map<String, Object> attributes = new HashMap<>();
        if (caller != null) {
            attributes.put(Access.PRINCIPAL_ATTRIBUTE, caller);
        }
        HttpServletRequest req = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getPathInfo" -> pathInfo;
                    case "getServletPath" -> "/api/v1/jobs";
                    case "getRequestURI" -> "/api/v1/jobs" + (pathInfo == null ? "" : pathInfo);
                    case "getProtocol" -> "HTTP/1.1";
                    case "getParameter" -> params.get((String) args[0]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "getHeader" -> null;
                    case "getDateHeader" -> -1L;
                    case "getContentLengthLong" -> 0L;
                    case "getContentLength" -> 0;
                    default -> null;
                });
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int[] status = {200};
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        };
        HttpServletResponse resp = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "setStatus" -> status[0] = (Integer) args[0];
                        case "getOutputStream" -> {
                            return out;
                        }
                        case "isCommitted" -> {
                            return false;
                        }
                        case "reset" -> body.reset();
                        default -> {
                            // headers and content type are not checked here
                        }
                    }
                    return null;
                });
        servlet.service(req, resp);
        return new Answer(status[0], body.size() == 0 ? null : Json.mapper().readTree(body.toByteArray()));
    }

    private Answer get(Principal caller, String pathInfo) throws Exception {
        return call(caller, "GET", pathInfo, Map.of());
    }

    private JobInfo finishedJob(Principal owner) throws Exception {
        JobInfo job = jobs.submit(new JobRequest("clients.import", "clients.csv", owner.userId(), owner.displayName()),
                ctx -> {
                    ctx.total(4);
                    ctx.progress(3);
                    ctx.count("imported", 2);
                    ctx.error(7, "email", "is not an email address");
                });
        return awaitFinished(job.id());
    }

    private JobInfo awaitFinished(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!jobs.job(id).orElseThrow().state().finished()
                || !db.jdbi().withHandle(h -> JobRepository.byId(h, id)).orElseThrow().state().finished()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job did not finish");
            }
            Thread.sleep(10);
        }
        return jobs.job(id).orElseThrow();
    }

    @Test
    void theOwnerSeesTheFullJob() throws Exception {
        JobInfo job = finishedJob(ALICE);
        Answer answer = get(ALICE, "/" + job.id());
        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.body();
        assertThat(body.path("id").asText()).isEqualTo(job.id());
        assertThat(body.path("type").asText()).isEqualTo("clients.import");
        assertThat(body.path("title").asText()).isEqualTo("clients.csv");
        assertThat(body.path("state").asText()).isEqualTo("succeeded");
        assertThat(body.path("total").asLong()).isEqualTo(4);
        assertThat(body.path("done").asLong()).isEqualTo(3);
        assertThat(body.path("progress").asDouble()).isEqualTo(0.75);
        assertThat(body.path("counts").path("imported").asLong()).isEqualTo(2);
        assertThat(body.path("errorCount").asLong()).isEqualTo(1);
        assertThat(body.path("errors").get(0).path("item").asLong()).isEqualTo(7);
        assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("email");
        assertThat(body.path("errors").get(0).path("message").asText()).isEqualTo("is not an email address");
        assertThat(body.path("owner").path("id").asLong()).isEqualTo(1);
        assertThat(body.path("owner").path("name").asText()).isEqualTo("alice");
        assertThat(Instant.parse(body.path("createdAt").asText())).isEqualTo(job.createdAt());
        assertThat(Instant.parse(body.path("finishedAt").asText())).isEqualTo(job.finishedAt());
        assertThat(body.has("result")).isTrue();
        assertThat(body.has("message")).isTrue();
    }

    @Test
    void othersGetNotFoundAndAdminsSeeEverything() throws Exception {
        JobInfo job = finishedJob(ALICE);
        Answer bob = get(BOB, "/" + job.id());
        assertThat(bob.status()).isEqualTo(404);
        assertThat(bob.body().path("error").asText()).isEqualTo("not_found");
        assertThat(get(ADMIN, "/" + job.id()).status()).isEqualTo(200);
        assertThat(get(ALICE, "/0123456789abcdef0123456789abcdef").status()).isEqualTo(404);
        assertThat(get(ALICE, "/%27;drop").status()).isEqualTo(404);
        assertThat(get(ALICE, "/" + job.id() + "/more").status()).isEqualTo(404);
        assertThat(get(null, "/" + job.id()).status()).isEqualTo(401);
    }

    @Test
    void theListShowsOwnJobsOrEveryonesForAdmins() throws Exception {
        JobInfo alice = finishedJob(ALICE);
        JobInfo bob = finishedJob(BOB);
        Answer own = get(BOB, null);
        assertThat(own.status()).isEqualTo(200);
        assertThat(ids(own)).containsExactly(bob.id());
        assertThat(own.body().path("items").get(0).has("errors")).as("lists leave out the error details").isFalse();
        assertThat(own.body().path("items").get(0).path("errorCount").asLong()).isEqualTo(1);

        assertThat(ids(get(ADMIN, "/"))).isEmpty();
        assertThat(ids(call(ADMIN, "GET", null, Map.of("all", "true")))).containsExactlyInAnyOrder(alice.id(), bob.id());
        assertThat(ids(call(ADMIN, "GET", null, Map.of("all", "true", "limit", "1")))).hasSize(1);
        assertThat(call(BOB, "GET", null, Map.of("all", "true")).status()).isEqualTo(403);
        assertThat(call(BOB, "GET", null, Map.of("all", "yes")).status()).isEqualTo(400);
        assertThat(call(BOB, "GET", null, Map.of("limit", "0")).status()).isEqualTo(400);
        assertThat(call(BOB, "GET", null, Map.of("limit", "many")).status()).isEqualTo(400);
        assertThat(call(BOB, "GET", null, Map.of("limit", "99999999999")).status()).isEqualTo(400);
    }

    private static List<String> ids(Answer answer) {
        assertThat(answer.status()).isEqualTo(200);
        return java.util.stream.StreamSupport.stream(answer.body().path("items").spliterator(), false)
                .map(n -> n.path("id").asText()).toList();
    }

    @Test
    void theOwnerOrAnAdminCanCancel() throws Exception {
        JobInfo running = jobs.submit(new JobRequest("slow", null, ALICE.userId(), "alice"), ctx -> {
            while (!ctx.cancelled()) {
                Thread.sleep(5);
            }
        });
        JobInfo other = jobs.submit(new JobRequest("slow", null, ALICE.userId(), "alice"), ctx -> {
            while (!ctx.cancelled()) {
                Thread.sleep(5);
            }
        });
        assertThat(call(BOB, "POST", "/" + running.id() + "/cancel", Map.of()).status()).isEqualTo(404);
        assertThat(call(ALICE, "POST", "/" + running.id() + "/stop", Map.of()).status()).isEqualTo(404);
        assertThat(call(ALICE, "POST", null, Map.of()).status()).isEqualTo(405);

        Answer cancelled = call(ALICE, "POST", "/" + running.id() + "/cancel", Map.of());
        assertThat(cancelled.status()).isEqualTo(202);
        assertThat(cancelled.body().path("id").asText()).isEqualTo(running.id());
        assertThat(awaitFinished(running.id()).state()).isEqualTo(State.CANCELLED);

        Answer again = call(ALICE, "POST", "/" + running.id() + "/cancel", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("error").asText()).isEqualTo("conflict");

        assertThat(call(ADMIN, "POST", "/" + other.id() + "/cancel", Map.of()).status()).isEqualTo(202);
        assertThat(awaitFinished(other.id()).state()).isEqualTo(State.CANCELLED);
    }

    @Test
    void otherMethodsAreNotAllowed() throws Exception {
        Answer put = call(ALICE, "PUT", "/x", Map.of());
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.body().path("error").asText()).isEqualTo("method_not_allowed");
    }
}
