package org.rapport.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.security.Principal;
import org.rapport.security.Role;

/** Tells who calls: an API token ({@code Authorization: Bearer}) first, else the session cookie. */
@Component(service = Authenticator.class)
public final class Authenticator {

    /** The outcome: a caller, nobody, or a bearer token that is not (or no longer) valid. */
    record Result(Caller caller, boolean invalidToken) {
        static final Result ANONYMOUS = new Result(null, false);
        static final Result INVALID_TOKEN = new Result(null, true);
    }

    private final Accounts accounts;
    private final Sessions sessions;
    private final Tokens tokens;

    @Activate
    public Authenticator(@Reference Accounts accounts, @Reference Sessions sessions, @Reference Tokens tokens) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.tokens = tokens;
    }

    Result authenticate(HttpServletRequest req) {
        String authorization = req.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return byToken(authorization.substring(7).trim());
        }
        String sessionId = SessionCookie.read(req);
        if (sessionId == null) {
            return Result.ANONYMOUS;
        }
        return sessions.find(sessionId)
                .flatMap(s -> accounts.row(s.userId()).filter(UserRow::enabled)
                        .map(u -> new Caller(new Principal(u.id(), u.username(), u.displayName(), u.roles(),
                                Principal.Kind.SESSION, null, Set.of()), sessionId, s.csrfToken())))
                .map(c -> new Result(c, false))
                .orElse(Result.ANONYMOUS);
    }

    private Result byToken(String secret) {
        Optional<TokenRow> token = tokens.authenticate(secret);
        if (token.isEmpty()) {
            return Result.INVALID_TOKEN;
        }
        TokenRow t = token.get();
        return accounts.row(t.userId()).filter(UserRow::enabled)
                .map(u -> {
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    roles.addAll(t.roles());
                    roles.retainAll(u.roles()); // a token never outranks its owner as they are now
                    return new Result(new Caller(new Principal(u.id(), u.username(), u.displayName(), roles,
                            Principal.Kind.TOKEN, t.id(), t.scopes()), null, null), false);
                })
                .orElse(Result.INVALID_TOKEN);
    }
}
