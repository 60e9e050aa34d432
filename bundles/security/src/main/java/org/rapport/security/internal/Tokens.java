package org.rapport.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.security.Principal;
import org.rapport.security.Role;
import org.rapport.store.SchemaReady;
import org.rapport.store.Store;
import org.rapport.web.ApiException;

/** API tokens: {@code rpt_<random>} secrets, stored as SHA-256, acting for their creator with some of their roles. */
@Component(service = Tokens.class)
public final class Tokens {
    static final String PREFIX = "rpt_";
    private static final Pattern SCOPE = Pattern.compile("\\*|[a-z0-9][a-z0-9._-]{0,49}");
    private static final int MAX_SCOPES = 20;
    private static final int MAX_DAYS = 3650;

    /** A token just created: its row and its secret (shown once). */
    record Created(TokenRow row, String secret) {
    }

    private final Store store;
    private final Clock clock;

    @Activate
    public Tokens(@Reference Store store, @Reference(target = "(bundle=org.rapport.security)") SchemaReady schema) {
        this(store, Clock.systemUTC());
    }

    Tokens(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Creates a token for {@code creator}; its roles must be among the creator's (default: all of them). */
    Created create(Principal creator, String name, List<String> scopes, List<String> roleIds, Integer expiresInDays) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name == null || name.isBlank() || name.length() > 100) {
            errors.put("name", "1 to 100 characters");
        }
        Set<String> scopeSet = new LinkedHashSet<>();
        if (scopes == null || scopes.isEmpty() || scopes.size() > MAX_SCOPES) {
            errors.put("scopes", "1 to " + MAX_SCOPES + " scopes (lower-case names, or \"*\" for all)");
        } else {
            for (String scope : scopes) {
                if (scope == null || !SCOPE.matcher(scope).matches()) {
                    errors.put("scopes", "'" + scope + "' is not a scope (lower-case letters, digits, '.', '_', '-'; or \"*\")");
                } else {
                    scopeSet.add(scope);
                }
            }
        }
        Set<Role> roles = roleIds == null ? EnumSet.noneOf(Role.class) : AccountRules.roles(roleIds, errors);
        if (roleIds == null) {
            roles.addAll(creator.roles());
        } else if (!creator.roles().containsAll(roles)) {
            errors.put("roles", "a token can only have roles its creator has: " + Roles.ids(creator.roles()));
        }
        if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_DAYS)) {
            errors.put("expiresInDays", "1 to " + MAX_DAYS);
        }
        if (roles.isEmpty() && !errors.containsKey("roles")) {
            errors.put("roles", "at least one role");
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Instant now = clock.instant();
        String secret = PREFIX + Secrets.random(32);
        TokenRow row = new TokenRow(Secrets.random(12), name.trim(), creator.userId(), creator.username(), roles, scopeSet, now,
                null, expiresInDays == null ? null : now.plus(Duration.ofDays(expiresInDays)));
        store.inTransaction(tx -> {
            TokenRepository.insert(tx.handle(), row, Secrets.sha256(secret));
            return null;
        });
        return new Created(row, secret);
    }

    List<TokenRow> list(Long userId) {
        return store.jdbi().withHandle(h -> userId == null ? TokenRepository.list(h) : TokenRepository.listForUser(h, userId));
    }

    Optional<TokenRow> byId(String id) {
        if (id == null || id.isEmpty() || id.length() > 32) {
            return Optional.empty();
        }
        return store.jdbi().withHandle(h -> TokenRepository.byId(h, id));
    }

    boolean revoke(String id) {
        return store.inTransaction(tx -> TokenRepository.delete(tx.handle(), id));
    }

    void revokeAllOf(long userId) {
        store.inTransaction(tx -> {
            TokenRepository.deleteForUser(tx.handle(), userId);
            return null;
        });
    }

    /** The unexpired token with this secret; notes when it was used (at most once a minute). */
    Optional<TokenRow> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<TokenRow> found = store.jdbi().withHandle(h -> TokenRepository.byHash(h, Secrets.sha256(secret)))
                .filter(t -> !t.expired(now));
        found.filter(t -> t.lastUsedAt() == null || !now.isBefore(t.lastUsedAt().plusSeconds(60)))
                .ifPresent(t -> store.inTransaction(tx -> {
                    TokenRepository.touch(tx.handle(), t.id(), now);
                    return null;
                }));
        return found;
    }
}
