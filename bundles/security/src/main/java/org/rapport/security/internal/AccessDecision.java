package org.rapport.security.internal;

import java.util.Set;
import org.rapport.security.Access;
import org.rapport.security.Principal;
import org.rapport.security.Role;

/** Decides whether a caller may make a request, given the serving resource's {@link AccessRule}. */
final class AccessDecision {

    /** The verdict, with the HTTP status, error code and message for a refusal. */
    enum Verdict {
        ALLOW(200, null, null),
        NO_RULE(403, "forbidden", "This resource declares no access rule"),
        UNAUTHENTICATED(401, "unauthenticated", "Sign in first"),
        FORBIDDEN(403, "forbidden", "Your roles do not allow this"),
        CSRF(403, "csrf", "Missing or wrong " + Access.CSRF_HEADER + " header"),
        SCOPE(403, "scope", "This API token lacks the scope this resource needs");

        final int status;
        final String code;
        final String message;

        Verdict(int status, String code, String message) {
            this.status = status;
            this.code = code;
            this.message = message;
        }
    }

    private AccessDecision() {
    }

    /**
     * @param rule the declaration of the servlet serving the request
     * @param method the HTTP method
     * @param principal the caller, or null when anonymous
     * @param csrfValid whether the request carries the session's CSRF token
     */
    static Verdict decide(AccessRule rule, String method, Principal principal, boolean csrfValid) {
        Set<String> allowed = rule.allowed(method);
        if (allowed.isEmpty()) {
            return Verdict.NO_RULE;
        }
        if (allowed.contains(Access.PUBLIC)) {
            return Verdict.ALLOW;
        }
        if (principal == null) {
            return Verdict.UNAUTHENTICATED;
        }
        if (!allowed.contains(Access.AUTHENTICATED) && principal.roles().stream().map(Role::id).noneMatch(allowed::contains)) {
            return Verdict.FORBIDDEN;
        }
        if (principal.kind() == Principal.Kind.TOKEN && rule.scope() != null
                && !principal.scopes().contains("*") && !principal.scopes().contains(rule.scope())) {
            return Verdict.SCOPE;
        }
        if (principal.kind() == Principal.Kind.SESSION && !AccessRule.isRead(method) && !csrfValid) {
            return Verdict.CSRF;
        }
        return Verdict.ALLOW;
    }
}
