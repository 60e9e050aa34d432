package org.rapport.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.security.Role;
import org.rapport.web.ApiException;

class AccountsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private TestDb db;

    static List<String> kinds() {
        return TestDb.kinds();
    }

    private Accounts accounts(String kind, SecuritySettings settings) throws Exception {
        db = TestDb.open(kind);
        Accounts accounts = new Accounts(db.store(), settings, clock);
        accounts.bootstrap();
        return accounts;
    }

    @AfterEach
    void close() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    private static SecuritySettings withAdminPassword(String password) {
        SecuritySettings d = SecuritySettings.defaults(false);
        return new SecuritySettings(d.sessionTimeout(), d.lockout(), d.secureCookie(), password, false);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void firstStartCreatesTheAdminOnce_withTheConfiguredPassword(String kind) throws Exception {
        Accounts accounts = accounts(kind, withAdminPassword("configured-pw"));
        accounts.bootstrap();
        assertThat(accounts.list()).singleElement().satisfies(admin -> {
            assertThat(admin.username()).isEqualTo("admin");
            assertThat(admin.roles()).containsExactly(Role.ADMIN);
        });
        assertThat(accounts.login("ADMIN", "configured-pw")).isInstanceOf(LoginOutcome.Success.class);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void demoModeHasOneUserPerRoleWithPasswordDemo(String kind) throws Exception {
        Accounts accounts = accounts(kind, SecuritySettings.defaults(true));
        assertThat(accounts.list()).extracting(m -> m.username()).containsExactly("admin", "agent", "auditor", "manager");
        for (Role role : Role.values()) {
            LoginOutcome outcome = accounts.login(role.id(), "demo");
            assertThat(outcome).isInstanceOf(LoginOutcome.Success.class);
            assertThat(((LoginOutcome.Success) outcome).user().roles()).containsExactly(role);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void createValidatesEveryField_andUsernamesAreCaseInsensitivelyUnique(String kind) throws Exception {
        Accounts accounts = accounts(kind, withAdminPassword("configured-pw"));
        assertThatThrownBy(() -> accounts.create("x", null, "short", List.of("wizard")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.details().get("fields").toString()).contains("username", "password", "roles");
                });
        UserRow li = accounts.create("li.wei", "Li Wei 李伟", "long-enough", List.of("manager", "agent"));
        assertThat(li.roles()).containsExactlyInAnyOrder(Role.MANAGER, Role.AGENT);
        assertThat(li.displayName()).isEqualTo("Li Wei 李伟");
        assertThat(li.passwordHash()).startsWith("$argon2id$");
        assertThatThrownBy(() -> accounts.create("LI.WEI", null, "long-enough", List.of("agent")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(accounts.byUsername("Li.Wei")).isPresent();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void wrongPasswordsLockTheUsernameThenTheLockPasses(String kind) throws Exception {
        Accounts accounts = accounts(kind, withAdminPassword("configured-pw"));
        for (int i = 0; i < 5; i++) {
            assertThat(accounts.login("admin", "wrong")).isInstanceOf(LoginOutcome.Invalid.class);
        }
        assertThat(accounts.login("admin", "configured-pw")).isInstanceOfSatisfying(LoginOutcome.Locked.class,
                l -> assertThat(l.retryAfterSeconds()).isEqualTo(900));
        clock.advance(Duration.ofMinutes(15));
        assertThat(accounts.login("admin", "configured-pw")).isInstanceOf(LoginOutcome.Success.class);
        assertThat(accounts.row(1).orElseThrow().failedAttempts()).isZero();
        assertThat(accounts.row(1).orElseThrow().lastLoginAt()).isEqualTo(clock.instant());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void unknownUsernamesAreInvalidAndLockTheSameWay(String kind) throws Exception {
        Accounts accounts = accounts(kind, withAdminPassword("configured-pw"));
        for (int i = 0; i < 5; i++) {
            assertThat(accounts.login("nobody", "x")).isInstanceOf(LoginOutcome.Invalid.class);
        }
        assertThat(accounts.login("nobody", "x")).isInstanceOf(LoginOutcome.Locked.class);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theLastEnabledAdminStays_andDisabledAccountsCannotSignIn(String kind) throws Exception {
        Accounts accounts = accounts(kind, withAdminPassword("configured-pw"));
        long admin = accounts.byUsername("admin").orElseThrow().id();
        assertThatThrownBy(() -> accounts.update(admin, null, null, false))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThatThrownBy(() -> accounts.update(admin, null, List.of("agent"), null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
        UserRow second = accounts.create("second", null, "long-enough", List.of("admin"));
        UserRow demoted = accounts.update(admin, "Boss", List.of("auditor"), null);
        assertThat(demoted.roles()).containsExactly(Role.AUDITOR);
        assertThat(demoted.displayName()).isEqualTo("Boss");
        assertThatThrownBy(() -> accounts.update(second.id(), null, null, false))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
        UserRow agent = accounts.create("agent7", null, "long-enough", List.of("agent"));
        assertThat(accounts.update(agent.id(), null, null, false).enabled()).isFalse();
        assertThat(accounts.login("agent7", "long-enough")).isInstanceOf(LoginOutcome.Invalid.class);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void passwordChangesTakeEffect(String kind) throws Exception {
        Accounts accounts = accounts(kind, withAdminPassword("configured-pw"));
        long admin = accounts.byUsername("admin").orElseThrow().id();
        assertThatThrownBy(() -> accounts.setPassword(admin, "short"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        accounts.setPassword(admin, "a-new-password");
        assertThat(accounts.login("admin", "configured-pw")).isInstanceOf(LoginOutcome.Invalid.class);
        assertThat(accounts.login("admin", "a-new-password")).isInstanceOf(LoginOutcome.Success.class);
    }
}
