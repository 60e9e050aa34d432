package org.rapport.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rapport.security.Access;
import org.rapport.security.Principal;
import org.rapport.security.Role;
import org.rapport.security.internal.AccessDecision.Verdict;

class AccessDecisionTest {

    private static final AccessRule ADMIN_AUDITOR_READ = AccessRule.of(Map.of(
            Access.READ, new String[] {"admin", "Auditor"}, Access.WRITE, "admin", Access.SCOPE, "system"));
    private static final AccessRule PUBLIC = AccessRule.of(Map.of(Access.READ, Access.PUBLIC));
    private static final AccessRule SIGNED_IN = AccessRule.of(Map.of(Access.READ, Access.AUTHENTICATED));

    private static Principal session(Role... roles) {
        return new Principal(7, "u", "U", Set.of(roles), Principal.Kind.SESSION, null, Set.of());
    }

    private static Principal token(Set<String> scopes, Role... roles) {
        return new Principal(7, "u", "U", Set.of(roles), Principal.Kind.TOKEN, "t1", scopes);
    }

    @Test
    void readsPropertiesAsStringsArraysAndLists_writeDefaultsToRead() {
        assertThat(ADMIN_AUDITOR_READ.read()).containsExactlyInAnyOrder("admin", "auditor");
        assertThat(ADMIN_AUDITOR_READ.write()).containsExactly("admin");
        assertThat(ADMIN_AUDITOR_READ.scope()).isEqualTo("system");
        AccessRule listed = AccessRule.of(Map.of(Access.READ, List.of("manager", "agent")));
        assertThat(listed.write()).containsExactlyInAnyOrder("manager", "agent");
        assertThat(AccessRule.of(Map.of()).declared()).isFalse();
    }

    @Test
    void undeclaredIsDeniedToEveryone() {
        assertThat(AccessDecision.decide(AccessRule.NONE, "GET", session(Role.ADMIN), true)).isEqualTo(Verdict.NO_RULE);
        assertThat(AccessDecision.decide(AccessRule.NONE, "GET", null, false)).isEqualTo(Verdict.NO_RULE);
        AccessRule writeOnly = AccessRule.of(Map.of(Access.WRITE, "admin"));
        assertThat(AccessDecision.decide(writeOnly, "GET", session(Role.ADMIN), true)).isEqualTo(Verdict.NO_RULE);
    }

    @Test
    void publicIsOpen_evenForWritesWithoutCsrf() {
        assertThat(AccessDecision.decide(PUBLIC, "GET", null, false)).isEqualTo(Verdict.ALLOW);
        assertThat(AccessDecision.decide(PUBLIC, "POST", session(Role.AGENT), false)).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void anonymousGets401_wrongRole403() {
        assertThat(AccessDecision.decide(ADMIN_AUDITOR_READ, "GET", null, false)).isEqualTo(Verdict.UNAUTHENTICATED);
        assertThat(AccessDecision.decide(ADMIN_AUDITOR_READ, "GET", session(Role.AGENT), false)).isEqualTo(Verdict.FORBIDDEN);
        assertThat(AccessDecision.decide(ADMIN_AUDITOR_READ, "GET", session(Role.AUDITOR), false)).isEqualTo(Verdict.ALLOW);
        assertThat(AccessDecision.decide(ADMIN_AUDITOR_READ, "HEAD", session(Role.AUDITOR), false)).isEqualTo(Verdict.ALLOW);
        assertThat(AccessDecision.decide(ADMIN_AUDITOR_READ, "DELETE", session(Role.AUDITOR), true)).isEqualTo(Verdict.FORBIDDEN);
        assertThat(AccessDecision.decide(SIGNED_IN, "GET", session(Role.AGENT), false)).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void sessionWritesNeedTheCsrfToken() {
        assertThat(AccessDecision.decide(ADMIN_AUDITOR_READ, "POST", session(Role.ADMIN), false)).isEqualTo(Verdict.CSRF);
        assertThat(AccessDecision.decide(ADMIN_AUDITOR_READ, "PATCH", session(Role.ADMIN), true)).isEqualTo(Verdict.ALLOW);
        assertThat(AccessDecision.decide(ADMIN_AUDITOR_READ, "GET", session(Role.ADMIN), false)).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void tokensNeedTheScopeButNoCsrf() {
        assertThat(AccessDecision.decide(ADMIN_AUDITOR_READ, "POST", token(Set.of("system"), Role.ADMIN), false))
                .isEqualTo(Verdict.ALLOW);
        assertThat(AccessDecision.decide(ADMIN_AUDITOR_READ, "GET", token(Set.of("*"), Role.ADMIN), false)).isEqualTo(Verdict.ALLOW);
        assertThat(AccessDecision.decide(ADMIN_AUDITOR_READ, "GET", token(Set.of("users"), Role.ADMIN), false))
                .isEqualTo(Verdict.SCOPE);
        assertThat(AccessDecision.decide(SIGNED_IN, "GET", token(Set.of("users"), Role.AGENT), false)).isEqualTo(Verdict.ALLOW);
        assertThat(AccessDecision.decide(ADMIN_AUDITOR_READ, "GET", token(Set.of("system"), Role.AGENT), false))
                .isEqualTo(Verdict.FORBIDDEN);
    }
}
