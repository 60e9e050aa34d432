package org.rapport.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rapport.security.StaffMember;
import org.rapport.web.ApiException;

/** A staff member's own email address: validation, storage on H2 and PostgreSQL, lookup by address. */
class StaffEmailTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private TestDb db;

    static List<String> kinds() {
        return TestDb.kinds();
    }

    @AfterEach
    void close() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    private Accounts accounts(String kind) throws Exception {
        db = TestDb.open(kind);
        SecuritySettings d = SecuritySettings.defaults(false);
        Accounts accounts = new Accounts(db.store(), new SecuritySettings(d.sessionTimeout(), d.lockout(), d.secureCookie(), "configured-pw",
                false), clock);
        accounts.bootstrap();
        return accounts;
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin@example.com", "li.wei+test@corp.example.cn", "A_B-c@x-y.example", "  padded@example.com  "})
    void validAddressesAreKept_trimmed(String email) {
        Map<String, String> errors = new LinkedHashMap<>();
        assertThat(AccountRules.email(email, errors)).isEqualTo(email.strip());
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "admin@", "@example.com", "a@b", "a b@example.com", "a@example.com, b@example.com",
        "a@@example.com", "<a@example.com>", "a@-example.com", "a@example..com", "a@example.com\nBcc: x@example.com"})
    void invalidAddressesAreReported(String email) {
        Map<String, String> errors = new LinkedHashMap<>();
        assertThat(AccountRules.email(email, errors)).isNull();
        assertThat(errors).containsKey("email");
    }

    @Test
    void tooLongAnAddressIsReported_andBlankMeansNone() {
        Map<String, String> errors = new LinkedHashMap<>();
        assertThat(AccountRules.email("a".repeat(60) + "@" + "b".repeat(200) + ".com", errors)).isNull();
        assertThat(errors).containsKey("email");
        errors.clear();
        assertThat(AccountRules.email("   ", errors)).isNull();
        assertThat(AccountRules.email(null, errors)).isNull();
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void setChangeAndClearTheEmail_andFindTheMemberByIt(String kind) throws Exception {
        Accounts accounts = accounts(kind);
        long admin = accounts.byUsername("admin").orElseThrow().id();
        assertThat(accounts.byId(admin).orElseThrow().email()).isNull();

        UserRow set = accounts.setEmail(admin, " Admin@Example.com ");
        assertThat(set.email()).isEqualTo("Admin@Example.com");
        StaffMember member = accounts.byId(admin).orElseThrow();
        assertThat(member.email()).isEqualTo("Admin@Example.com");
        assertThat(member.ownsEmail("admin@example.COM")).isTrue();
        assertThat(member.ownsEmail("other@example.com")).isFalse();
        assertThat(accounts.byEmail("ADMIN@example.com")).extracting(StaffMember::id).containsExactly(admin);
        assertThat(accounts.byEmail("nobody@example.com")).isEmpty();

        UserRow agent = accounts.create("agent.li", "Li", "long-enough", List.of("agent"), "li@example.com");
        assertThat(agent.email()).isEqualTo("li@example.com");

        assertThat(accounts.setEmail(admin, "").email()).isNull();
        assertThat(accounts.byEmail("admin@example.com")).isEmpty();
        assertThat(accounts.byEmail("li@example.com")).extracting(StaffMember::username).containsExactly("agent.li");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anInvalidEmailIsA400_andLeavesTheStoredOneAlone(String kind) throws Exception {
        Accounts accounts = accounts(kind);
        long admin = accounts.byUsername("admin").orElseThrow().id();
        accounts.setEmail(admin, "admin@example.com");
        assertThatThrownBy(() -> accounts.setEmail(admin, "not an address"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.details().get("fields").toString()).contains("email");
                });
        assertThatThrownBy(() -> accounts.create("x.y", null, "long-enough", List.of("agent"), "x@"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThat(accounts.byUsername("x.y")).isEmpty();
        assertThat(accounts.byId(admin).orElseThrow().email()).isEqualTo("admin@example.com");
        assertThatThrownBy(() -> accounts.setEmail(9999, "a@example.com"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aDisabledMemberDoesNotOwnTheirAddressForInternalMessages(String kind) throws Exception {
        Accounts accounts = accounts(kind);
        UserRow li = accounts.create("agent.li", "Li", "long-enough", List.of("agent"), "li@example.com");
        accounts.update(li.id(), null, null, false);
        StaffMember member = accounts.byId(li.id()).orElseThrow();
        assertThat(member.email()).isEqualTo("li@example.com");
        assertThat(member.ownsEmail("li@example.com")).isFalse();
    }
}
