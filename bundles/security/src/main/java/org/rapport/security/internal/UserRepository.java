package org.rapport.security.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.rapport.security.Role;

/** SQL for {@code security_user}; every method runs on the caller's handle (and transaction). */
final class UserRepository {
    private static final String COLUMNS = "id, username, display_name, password_hash, roles, enabled, created_at, updated_at, "
            + "last_login_at, failed_attempts, last_failed_at, locked_until, email";

    private UserRepository() {
    }

    static String key(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }

    static long insert(Handle h, String username, String displayName, String passwordHash, Set<Role> roles, Instant now) {
        return h.createUpdate("INSERT INTO security_user (username, username_key, display_name, password_hash, roles, enabled, "
                        + "created_at, updated_at) VALUES (:username, :key, :displayName, :hash, :roles, TRUE, :now, :now)")
                .bind("username", username)
                .bind("key", key(username))
                .bind("displayName", displayName)
                .bind("hash", passwordHash)
                .bind("roles", Roles.format(roles))
                .bind("now", Timestamp.from(now))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    static Optional<UserRow> byId(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM security_user WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    static Optional<UserRow> byUsername(Handle h, String username) {
        return h.createQuery("SELECT " + COLUMNS + " FROM security_user WHERE username_key = :key")
                .bind("key", key(username))
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    static List<UserRow> list(Handle h) {
        return h.createQuery("SELECT " + COLUMNS + " FROM security_user ORDER BY username_key")
                .map((rs, ctx) -> row(rs))
                .list();
    }

    static void update(Handle h, long id, String displayName, Set<Role> roles, boolean enabled, Instant now) {
        h.createUpdate("UPDATE security_user SET display_name = :displayName, roles = :roles, enabled = :enabled, "
                        + "updated_at = :now WHERE id = :id")
                .bind("displayName", displayName)
                .bind("roles", Roles.format(roles))
                .bind("enabled", enabled)
                .bind("now", Timestamp.from(now))
                .bind("id", id)
                .execute();
    }

    /** Sets (or with {@code null} clears) the account's email address. */
    static void setEmail(Handle h, long id, String email, Instant now) {
        h.createUpdate("UPDATE security_user SET email = :email, email_key = :key, updated_at = :now WHERE id = :id")
                .bind("email", email)
                .bind("key", email == null ? null : email.toLowerCase(Locale.ROOT))
                .bind("now", Timestamp.from(now))
                .bind("id", id)
                .execute();
    }

    static List<UserRow> byEmail(Handle h, String email) {
        return h.createQuery("SELECT " + COLUMNS + " FROM security_user WHERE email_key = :key ORDER BY username_key")
                .bind("key", email.strip().toLowerCase(Locale.ROOT))
                .map((rs, ctx) -> row(rs))
                .list();
    }

    static void setPassword(Handle h, long id, String passwordHash, Instant now) {
        h.createUpdate("UPDATE security_user SET password_hash = :hash, updated_at = :now, failed_attempts = 0, "
                        + "locked_until = NULL WHERE id = :id")
                .bind("hash", passwordHash)
                .bind("now", Timestamp.from(now))
                .bind("id", id)
                .execute();
    }

    static void recordFailure(Handle h, long id, Lockout.State state) {
        h.createUpdate("UPDATE security_user SET failed_attempts = :attempts, last_failed_at = :lastFailed, "
                        + "locked_until = :lockedUntil WHERE id = :id")
                .bind("attempts", state.attempts())
                .bind("lastFailed", timestamp(state.lastFailedAt()))
                .bind("lockedUntil", timestamp(state.lockedUntil()))
                .bind("id", id)
                .execute();
    }

    static void recordLogin(Handle h, long id, Instant now) {
        h.createUpdate("UPDATE security_user SET last_login_at = :now, failed_attempts = 0, last_failed_at = NULL, "
                        + "locked_until = NULL WHERE id = :id")
                .bind("now", Timestamp.from(now))
                .bind("id", id)
                .execute();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static UserRow row(ResultSet rs) throws SQLException {
        return new UserRow(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), Roles.parse(rs.getString("roles")), rs.getBoolean("enabled"),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "last_login_at"),
                rs.getInt("failed_attempts"), instant(rs, "last_failed_at"), instant(rs, "locked_until"), rs.getString("email"));
    }
}
