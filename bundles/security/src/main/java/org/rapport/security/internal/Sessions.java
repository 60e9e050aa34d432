package org.rapport.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.security.internal.SessionRepository.SessionRow;
import org.rapport.store.SchemaReady;
import org.rapport.store.Store;

/**
 * Server-side sessions: stored in the database (so they survive restarts and serve every node)
 * under the SHA-256 of their id, with a short-lived in-memory cache, ended after the configured
 * idle time.
 */
@Component(service = Sessions.class, configurationPid = SecurityConfig.PID)
public final class Sessions {
    /** How long a session read from the database is trusted without reading it again. */
    static final Duration CACHE_TTL = Duration.ofSeconds(5);
    /** last_seen_at is written at most this often per session. */
    static final Duration TOUCH_INTERVAL = Duration.ofSeconds(60);

    /** A new session: its secret id (for the cookie only) and its CSRF token. */
    record NewSession(String id, String csrfToken) {
    }

    private record Cached(SessionRow row, Instant loadedAt) {
    }

    private final Store store;
    private final Duration idleTimeout;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    @Activate
    public Sessions(@Reference Store store, @Reference(target = "(bundle=org.rapport.security)") SchemaReady schema,
            BundleContext context, SecurityConfig config) {
        this(store, SecuritySettings.of(config, context).sessionTimeout(), Clock.systemUTC());
    }

    Sessions(Store store, Duration idleTimeout, Clock clock) {
        this.store = store;
        this.idleTimeout = idleTimeout;
        this.clock = clock;
    }

    NewSession create(long userId) {
        String id = Secrets.random(32);
        String csrf = Secrets.random(32);
        Instant now = clock.instant();
        store.inTransaction(tx -> {
            SessionRepository.deleteIdleSince(tx.handle(), now.minus(idleTimeout));
            SessionRepository.insert(tx.handle(), new SessionRow(Secrets.sha256(id), userId, csrf, now, now));
            return null;
        });
        return new NewSession(id, csrf);
    }

    /** The live session with this id, if any; refreshes its idle timer. */
    Optional<SessionRow> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 100) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(id);
        Instant now = clock.instant();
        Cached cached = cache.get(hash);
        SessionRow row;
        if (cached != null && now.isBefore(cached.loadedAt().plus(CACHE_TTL))) {
            row = cached.row();
        } else {
            Optional<SessionRow> stored = store.jdbi().withHandle(h -> SessionRepository.find(h, hash));
            if (stored.isEmpty()) {
                cache.remove(hash);
                return Optional.empty();
            }
            row = stored.get();
        }
        if (!now.isBefore(row.lastSeenAt().plus(idleTimeout))) {
            end(id);
            return Optional.empty();
        }
        if (!now.isBefore(row.lastSeenAt().plus(TOUCH_INTERVAL))) {
            store.inTransaction(tx -> {
                SessionRepository.touch(tx.handle(), hash, now);
                return null;
            });
            row = new SessionRow(row.idHash(), row.userId(), row.csrfToken(), row.createdAt(), now);
            cached = null;
        }
        if (cached == null || cached.row() != row) {
            cache.put(hash, new Cached(row, now));
        }
        return Optional.of(row);
    }

    void end(String id) {
        if (id == null || id.isEmpty()) {
            return;
        }
        String hash = Secrets.sha256(id);
        cache.remove(hash);
        store.inTransaction(tx -> {
            SessionRepository.delete(tx.handle(), hash);
            return null;
        });
    }

    /** Ends every session of a user, except the one with id {@code keepId} (may be null). */
    void endAllOf(long userId, String keepId) {
        String keepHash = keepId == null ? null : Secrets.sha256(keepId);
        cache.values().removeIf(c -> c.row().userId() == userId && !c.row().idHash().equals(keepHash));
        store.inTransaction(tx -> {
            SessionRepository.deleteForUser(tx.handle(), userId, keepHash);
            return null;
        });
    }
}
