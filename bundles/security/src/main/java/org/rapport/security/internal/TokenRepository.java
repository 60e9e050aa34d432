package org.rapport.security.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** SQL for {@code security_token} (rows keyed by a public id; the secret only as SHA-256). */
final class TokenRepository {
    private static final String SELECT = "SELECT t.id, t.name, t.user_id, u.username, t.roles, t.scopes, t.created_at, "
            + "t.last_used_at, t.expires_at FROM security_token t JOIN security_user u ON u.id = t.user_id ";

    private TokenRepository() {
    }

    static void insert(Handle h, TokenRow row, String tokenHash) {
        h.createUpdate("INSERT INTO security_token (id, token_hash, name, user_id, roles, scopes, created_at, expires_at) "
                        + "VALUES (:id, :hash, :name, :userId, :roles, :scopes, :created, :expires)")
                .bind("id", row.id())
                .bind("hash", tokenHash)
                .bind("name", row.name())
                .bind("userId", row.userId())
                .bind("roles", Roles.format(row.roles()))
                .bind("scopes", String.join(",", row.scopes()))
                .bind("created", Timestamp.from(row.createdAt()))
                .bind("expires", row.expiresAt() == null ? null : Timestamp.from(row.expiresAt()))
                .execute();
    }

    static Optional<TokenRow> byHash(Handle h, String tokenHash) {
        return h.createQuery(SELECT + "WHERE t.token_hash = :hash").bind("hash", tokenHash).map((rs, ctx) -> row(rs)).findOne();
    }

    static Optional<TokenRow> byId(Handle h, String id) {
        return h.createQuery(SELECT + "WHERE t.id = :id").bind("id", id).map((rs, ctx) -> row(rs)).findOne();
    }

    static List<TokenRow> list(Handle h) {
        return h.createQuery(SELECT + "ORDER BY t.created_at, t.id").map((rs, ctx) -> row(rs)).list();
    }

    static List<TokenRow> listForUser(Handle h, long userId) {
        return h.createQuery(SELECT + "WHERE t.user_id = :userId ORDER BY t.created_at, t.id")
                .bind("userId", userId)
                .map((rs, ctx) -> row(rs))
                .list();
    }

    static void touch(Handle h, String id, Instant now) {
        h.createUpdate("UPDATE security_token SET last_used_at = :now WHERE id = :id")
                .bind("now", Timestamp.from(now))
                .bind("id", id)
                .execute();
    }

    static boolean delete(Handle h, String id) {
        return h.createUpdate("DELETE FROM security_token WHERE id = :id").bind("id", id).execute() > 0;
    }

    static void deleteForUser(Handle h, long userId) {
        h.createUpdate("DELETE FROM security_token WHERE user_id = :userId").bind("userId", userId).execute();
    }

    private static TokenRow row(ResultSet rs) throws SQLException {
        String scopes = rs.getString("scopes");
        Set<String> scopeSet = scopes == null || scopes.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(scopes.split(",")));
        return new TokenRow(rs.getString("id"), rs.getString("name"), rs.getLong("user_id"), rs.getString("username"),
                Roles.parse(rs.getString("roles")), scopeSet, UserRepository.instant(rs, "created_at"),
                UserRepository.instant(rs, "last_used_at"), UserRepository.instant(rs, "expires_at"));
    }
}
