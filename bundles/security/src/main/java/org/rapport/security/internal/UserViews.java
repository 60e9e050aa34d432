package org.rapport.security.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.rapport.security.Principal;

/** The JSON shapes of users, signed-in callers and tokens. */
final class UserViews {
    private UserViews() {
    }

    /** {@code {"user": {...}, "csrfToken": ...}} as login and /me answer. */
    static Map<String, Object> signedIn(Principal principal, String csrfToken) {
        return signedIn(principal, csrfToken, null);
    }

    /** As {@link #signedIn(Principal, String)}, with the caller's own email address ({@code null}: none set). */
    static Map<String, Object> signedIn(Principal principal, String csrfToken, String email) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", principal.userId());
        user.put("username", principal.username());
        user.put("displayName", principal.displayName());
        user.put("roles", Roles.ids(principal.roles()));
        user.put("email", email);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", user);
        body.put("csrfToken", csrfToken);
        return body;
    }

    static Map<String, Object> user(UserRow u) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", u.id());
        body.put("username", u.username());
        body.put("displayName", u.displayName());
        body.put("roles", Roles.ids(u.roles()));
        body.put("email", u.email());
        body.put("enabled", u.enabled());
        body.put("createdAt", u.createdAt());
        body.put("lastLoginAt", u.lastLoginAt());
        return body;
    }

    static Map<String, Object> token(TokenRow t) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", t.id());
        body.put("name", t.name());
        body.put("userId", t.userId());
        body.put("username", t.username());
        body.put("roles", Roles.ids(t.roles()));
        body.put("scopes", t.scopes().stream().sorted().toList());
        body.put("createdAt", t.createdAt());
        body.put("lastUsedAt", t.lastUsedAt());
        body.put("expiresAt", t.expiresAt());
        return body;
    }

    static Principal principal(UserRow u) {
        return new Principal(u.id(), u.username(), u.displayName(), u.roles(), Principal.Kind.SESSION, null, Set.of());
    }
}
