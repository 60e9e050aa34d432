package org.rapport.security.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for {@code security_session} (rows keyed by the SHA-256 of the session id). */
final class SessionRepository {

    /** A stored session. */
    record SessionRow(String idHash, long userId, String csrfToken, Instant createdAt, Instant lastSeenAt) {
    }

    private SessionRepository() {
    }

    static void insert(Handle h, SessionRow row) {
        h.createUpdate("INSERT INTO security_session (id_hash, user_id, csrf_token, created_at, last_seen_at) "
                        + "VALUES (:idHash, :userId, :csrf, :created, :seen)")
                .bind("idHash", row.idHash())
                .bind("userId", row.userId())
                .bind("csrf", row.csrfToken())
                .bind("created", Timestamp.from(row.createdAt()))
                .bind("seen", Timestamp.from(row.lastSeenAt()))
                .execute();
    }

    static Optional<SessionRow> find(Handle h, String idHash) {
        return h.createQuery("SELECT id_hash, user_id, csrf_token, created_at, last_seen_at FROM security_session "
                        + "WHERE id_hash = :idHash")
                .bind("idHash", idHash)
                .map((rs, ctx) -> new SessionRow(rs.getString("id_hash"), rs.getLong("user_id"), rs.getString("csrf_token"),
                        UserRepository.instant(rs, "created_at"), UserRepository.instant(rs, "last_seen_at")))
                .findOne();
    }

    static void touch(Handle h, String idHash, Instant now) {
        h.createUpdate("UPDATE security_session SET last_seen_at = :now WHERE id_hash = :idHash")
                .bind("now", Timestamp.from(now))
                .bind("idHash", idHash)
                .execute();
    }

    static void delete(Handle h, String idHash) {
        h.createUpdate("DELETE FROM security_session WHERE id_hash = :idHash").bind("idHash", idHash).execute();
    }

    static void deleteForUser(Handle h, long userId, String exceptIdHash) {
        h.createUpdate("DELETE FROM security_session WHERE user_id = :userId AND id_hash <> :except")
                .bind("userId", userId)
                .bind("except", exceptIdHash == null ? "" : exceptIdHash)
                .execute();
    }

    static int deleteIdleSince(Handle h, Instant cutoff) {
        return h.createUpdate("DELETE FROM security_session WHERE last_seen_at < :cutoff")
                .bind("cutoff", Timestamp.from(cutoff))
                .execute();
    }
}
