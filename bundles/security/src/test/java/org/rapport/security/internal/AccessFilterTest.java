package org.rapport.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.util.ArrayList;
import java.util.List;
import org.rapport.security.Access;
import org.rapport.security.Audit;
import org.rapport.security.AuditEvent;
import org.rapport.web.ApiException;
import org.rapport.security.Principal;

/** The filter end to end without OSGi: real accounts and sessions on H2, requests and responses faked. */
class AccessFilterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private TestDb db;
    private AccessFilter filter;
    private Sessions.NewSession adminSession;
    private Audit.Entry servletRecords;
    private final List<AuditEvent> audited = new ArrayList<>();

    /** What a request did: the status and body written, or whether it went on down the chain. */
    private static final class Outcome {
        int status = 200;
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean passed;
        Object principal;

        String body() {
            return body.toString(StandardCharsets.UTF_8);
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        db = TestDb.open(TestDb.H2);
        Accounts accounts = new Accounts(db.store(), SecuritySettings.defaults(true), clock);
        accounts.bootstrap();
        Sessions sessions = new Sessions(db.store(), Duration.ofMinutes(30), clock);
        adminSession = sessions.create(accounts.byUsername("admin").orElseThrow().id());
        ServletAccessIndexTestSupport index = new ServletAccessIndexTestSupport();
        index.declare("/api/v1/users", Map.of(Access.READ, "admin"));
        index.declare("/api/v1/auth/login", Map.of(Access.READ, Access.PUBLIC));
        index.declare("/api/v1/undeclared", Map.of());
        index.declare("/api/v1/clients/*", Map.of(Access.READ, Access.AUTHENTICATED, Audit.PROPERTY, "true"));
        index.declare("/", Map.of());
        filter = new AccessFilter(index.index(), clock);
        filter.setAuthenticator(new Authenticator(accounts, sessions, new Tokens(db.store(), clock)));
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    private Outcome call(String method, String path, Map<String, String> headers) throws Exception {
        Outcome outcome = new Outcome();
        Map<String, Object> attributes = new HashMap<>();
        HttpServletRequest req = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getServletPath" -> path;
                    case "getRequestURI" -> path;
                    case "getRemoteAddr" -> "192.0.2.7";
                    case "getPathInfo" -> null;
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getCookies" -> headers.containsKey("Cookie")
                            ? new Cookie[] {new Cookie(SessionCookie.NAME, headers.get("Cookie"))} : null;
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "isSecure" -> false;
                    default -> null;
                });
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) {
                outcome.body.write(b);
            }
        };
        HttpServletResponse resp = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "setStatus" -> {
                        outcome.status = (Integer) args[0];
                        yield null;
                    }
                    case "getOutputStream" -> out;
                    case "getStatus" -> outcome.status;
                    case "isCommitted" -> false;
                    default -> null;
                });
        FilterChain chain = (request, response) -> {
            outcome.passed = true;
            outcome.principal = request.getAttribute(Access.PRINCIPAL_ATTRIBUTE);
            if (servletRecords != null) {
                Audit.record((HttpServletRequest) request, servletRecords);
            }
        };
        filter.doFilter(req, resp, chain);
        return outcome;
    }

    @Test
    void pathsNoServletServesGoOnToTheWhiteboard() throws Exception {
        filter = new AccessFilter(new ServletAccessIndexTestSupport().index());
        assertThat(call("GET", "/api/v1/nothing", Map.of()).passed).isTrue();
    }

    @Test
    void apiPathsOnlyACatchAllServes_are404() throws Exception {
        Outcome outcome = call("GET", "/api/v1/nothing", Map.of());
        assertThat(outcome.status).isEqualTo(404);
        assertThat(outcome.body()).contains("not_found");
    }

    @Test
    void undeclaredApiServletsAreForbidden() throws Exception {
        Outcome outcome = call("GET", "/api/v1/undeclared", Map.of("Cookie", adminSession.id()));
        assertThat(outcome.status).isEqualTo(403);
        assertThat(outcome.body()).contains("This resource declares no access rule");
    }

    @Test
    void anonymousIs401_publicPasses() throws Exception {
        assertThat(call("GET", "/api/v1/users", Map.of()).status).isEqualTo(401);
        Outcome login = call("POST", "/api/v1/auth/login", Map.of());
        assertThat(login.passed).isTrue();
        assertThat(login.principal).isNull();
    }

    @Test
    void aSessionPassesWithItsPrincipal_andWritesNeedTheCsrfToken() throws Exception {
        Outcome read = call("GET", "/api/v1/users", Map.of("Cookie", adminSession.id()));
        assertThat(read.passed).isTrue();
        assertThat(read.principal).isInstanceOfSatisfying(Principal.class, p -> {
            assertThat(p.username()).isEqualTo("admin");
            assertThat(p.kind()).isEqualTo(Principal.Kind.SESSION);
        });
        Outcome write = call("POST", "/api/v1/users", Map.of("Cookie", adminSession.id()));
        assertThat(write.status).isEqualTo(403);
        assertThat(write.body()).contains("\"csrf\"");
        assertThat(call("POST", "/api/v1/users", Map.of("Cookie", adminSession.id(), Access.CSRF_HEADER,
                adminSession.csrfToken())).passed).isTrue();
        assertThat(call("GET", "/api/v1/users", Map.of("Cookie", "forged")).status).isEqualTo(401);
    }

    @Test
    void anUnknownBearerTokenIs401() throws Exception {
        Outcome outcome = call("GET", "/api/v1/auth/login", Map.of("Authorization", "Bearer rpt_unknown"));
        assertThat(outcome.status).isEqualTo(401);
        assertThat(outcome.body()).contains("invalid_token");
    }

    @Test
    void withoutTheAccountsOnlyPublicResourcesAreServed() throws Exception {
        ServletAccessIndexTestSupport index = new ServletAccessIndexTestSupport();
        index.declare("/api/v1/users", Map.of(Access.READ, "admin"));
        index.declare("/api/v1/auth/login", Map.of(Access.READ, Access.PUBLIC));
        filter = new AccessFilter(index.index()); // no Authenticator bound yet
        assertThat(call("GET", "/api/v1/users", Map.of()).status).isEqualTo(503);
        assertThat(call("POST", "/api/v1/auth/login", Map.of()).passed).isTrue();
    }

    @Test
    void clientDataIsRefusedWhileNoAuditLogIsThere() throws Exception {
        Outcome outcome = call("GET", "/api/v1/clients/42", Map.of("Cookie", adminSession.id()));
        assertThat(outcome.status).isEqualTo(503);
        assertThat(outcome.body()).contains("audit_unavailable");
        assertThat(outcome.passed).isFalse();
    }

    @Test
    void whatTheServletRecordsReachesTheSinkWithWhoAndFromWhere() throws Exception {
        filter.setAuditSink(audited::add);
        servletRecords = Audit.Entry.read("client", 42, 42L, null);
        Outcome outcome = call("GET", "/api/v1/clients/42", Map.of("Cookie", adminSession.id()));
        assertThat(outcome.passed).isTrue();
        assertThat(audited).singleElement().satisfies(e -> {
            assertThat(e.actor().username()).isEqualTo("admin");
            assertThat(e.action()).isEqualTo("read");
            assertThat(e.entity()).isEqualTo("client");
            assertThat(e.entityIds()).containsExactly("42");
            assertThat(e.clientId()).isEqualTo(42L);
            assertThat(e.via()).isEqualTo("console");
            assertThat(e.remoteAddress()).isEqualTo("192.0.2.7");
            assertThat(e.request()).isEqualTo("GET /api/v1/clients/42");
            assertThat(e.at()).isEqualTo(clock.instant());
        });
    }

    @Test
    void anAuditedServletThatRecordsNothingGetsAGenericEntry() throws Exception {
        filter.setAuditSink(audited::add);
        call("GET", "/api/v1/clients/42/contacts", Map.of("Cookie", adminSession.id()));
        assertThat(audited).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("read");
            assertThat(e.entity()).isEqualTo("clients/contacts");
            assertThat(e.entityIds()).containsExactly("42");
        });
    }

    @Test
    void otherResourcesMayRecordButGetNoGenericEntry() throws Exception {
        filter.setAuditSink(audited::add);
        call("GET", "/api/v1/users", Map.of("Cookie", adminSession.id()));
        assertThat(audited).isEmpty();
        servletRecords = Audit.Entry.readMany("contact", List.of(1, 2));
        call("GET", "/api/v1/users", Map.of("Cookie", adminSession.id()));
        assertThat(audited).singleElement().satisfies(e -> assertThat(e.entityIds()).containsExactly("1", "2"));
    }

    @Test
    void aFailingAuditLogMeansTheDataIsNotServed() throws Exception {
        filter.setAuditSink(e -> {
            throw new IllegalStateException("disk full");
        });
        servletRecords = Audit.Entry.read("client", 42, 42L, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> call("GET", "/api/v1/clients/42", Map.of("Cookie", adminSession.id())))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.code()).isEqualTo("audit_unavailable");
                });
    }
}
