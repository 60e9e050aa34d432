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
import org.rapport.security.Access;
import org.rapport.security.Principal;

/** The filter end to end without OSGi: real accounts and sessions on H2, requests and responses faked. */
class AccessFilterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private TestDb db;
    private AccessFilter filter;
    private Sessions.NewSession adminSession;

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
        index.declare("/", Map.of());
        filter = new AccessFilter(index.index());
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
                    case "isCommitted" -> false;
                    default -> null;
                });
        FilterChain chain = (request, response) -> {
            outcome.passed = true;
            outcome.principal = request.getAttribute(Access.PRINCIPAL_ATTRIBUTE);
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
}
