package org.rapport.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.security.Principal;
import org.rapport.security.Role;
import org.rapport.web.ApiException;

class SessionsAndTokensTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private TestDb db;
    private long userId;

    static List<String> kinds() {
        return TestDb.kinds();
    }

    private void open(String kind) throws Exception {
        db = TestDb.open(kind);
        Accounts accounts = new Accounts(db.store(), SecuritySettings.defaults(true), clock);
        accounts.bootstrap();
        userId = accounts.byUsername("manager").orElseThrow().id();
    }

    @AfterEach
    void close() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void sessionsAreStoredHashed_endOnLogoutAndAfterIdleTime(String kind) throws Exception {
        open(kind);
        Sessions sessions = new Sessions(db.store(), Duration.ofMinutes(30), clock);
        Sessions.NewSession s = sessions.create(userId);
        assertThat(sessions.find(s.id())).hasValueSatisfying(row -> {
            assertThat(row.userId()).isEqualTo(userId);
            assertThat(row.csrfToken()).isEqualTo(s.csrfToken());
            assertThat(row.idHash()).isEqualTo(Secrets.sha256(s.id())).isNotEqualTo(s.id());
        });
        Sessions otherNode = new Sessions(db.store(), Duration.ofMinutes(30), clock);
        assertThat(otherNode.find(s.id())).isPresent();

        clock.advance(Duration.ofMinutes(20));
        assertThat(sessions.find(s.id())).isPresent(); // refreshes the idle timer
        clock.advance(Duration.ofMinutes(20));
        assertThat(sessions.find(s.id())).isPresent();
        clock.advance(Duration.ofMinutes(31));
        assertThat(sessions.find(s.id())).isEmpty();

        Sessions.NewSession a = sessions.create(userId);
        Sessions.NewSession b = sessions.create(userId);
        sessions.end(a.id());
        assertThat(sessions.find(a.id())).isEmpty();
        sessions.endAllOf(userId, null);
        assertThat(sessions.find(b.id())).isEmpty();
        assertThat(sessions.find("not-a-session")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void tokensAuthenticateUntilRevokedOrExpired(String kind) throws Exception {
        open(kind);
        Tokens tokens = new Tokens(db.store(), clock);
        Principal manager = new Principal(userId, "manager", "M", Set.of(Role.MANAGER), Principal.Kind.SESSION, null, Set.of());
        Tokens.Created created = tokens.create(manager, "ci", List.of("clients"), null, 1);
        assertThat(created.secret()).startsWith("rpt_");
        assertThat(created.row().roles()).containsExactly(Role.MANAGER);
        assertThat(tokens.authenticate(created.secret())).hasValueSatisfying(t -> {
            assertThat(t.scopes()).containsExactly("clients");
            assertThat(t.username()).isEqualTo("manager");
        });
        assertThat(tokens.list(userId)).singleElement().satisfies(t -> assertThat(t.lastUsedAt()).isEqualTo(clock.instant()));
        assertThat(tokens.authenticate("rpt_wrong")).isEmpty();
        clock.advance(Duration.ofDays(1));
        assertThat(tokens.authenticate(created.secret())).isEmpty();

        Tokens.Created second = tokens.create(manager, "second", List.of("*"), List.of("manager"), null);
        assertThat(tokens.revoke(second.row().id())).isTrue();
        assertThat(tokens.authenticate(second.secret())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aTokenCannotOutrankItsCreator(String kind) throws Exception {
        open(kind);
        Tokens tokens = new Tokens(db.store(), clock);
        Principal agent = new Principal(userId, "manager", "M", Set.of(Role.AGENT), Principal.Kind.SESSION, null, Set.of());
        assertThatThrownBy(() -> tokens.create(agent, "x", List.of("*"), List.of("admin"), null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.details().toString()).contains("roles"));
        assertThatThrownBy(() -> tokens.create(agent, "", List.of("Bad Scope"), null, 0))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.details().toString())
                        .contains("name", "scopes", "expiresInDays"));
    }
}
