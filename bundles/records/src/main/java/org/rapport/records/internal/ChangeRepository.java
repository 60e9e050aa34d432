package org.rapport.records.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.rapport.records.FieldChange;
import org.rapport.records.Page;
import org.rapport.security.Principal;

/** SQL for the change history ({@code rec_change}). */
final class ChangeRepository {
    private static final int MAX_VALUE = 2000;

    private ChangeRepository() {
    }

    /** One changed field: entity and field names and the values before and after, as text. */
    record Change(String entity, long entityId, String field, String oldValue, String newValue) {}

    static void insert(Handle h, long clientId, List<Change> changes, Principal actor, String reason, Instant now) {
        insertAll(h, Map.of(clientId, changes), actor, reason, now);
    }

    /** Records the changes of several clients (client id → its changes) as one batch. */
    static void insertAll(Handle h, Map<Long, List<Change>> changesByClient, Principal actor, String reason, Instant now) {
        if (changesByClient.values().stream().allMatch(List::isEmpty)) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO rec_change (entity, entity_id, client_id, field, old_value, new_value, "
                + "actor_id, actor_name, reason, changed_at) VALUES (:entity, :entityId, :client, :field, :old, :new, :actor, :actorName, "
                + ":reason, :at)");
        changesByClient.forEach((clientId, changes) -> {
            for (Change c : changes) {
                batch.bind("entity", c.entity()).bind("entityId", c.entityId()).bind("client", clientId).bind("field", c.field())
                        .bind("old", cut(c.oldValue())).bind("new", cut(c.newValue())).bind("actor", actor.userId())
                        .bind("actorName", actor.displayName() == null ? actor.username() : actor.displayName())
                        .bind("reason", reason == null ? null : cut(reason, 500)).bind("at", Sql.ts(now)).add();
            }
        });
        batch.execute();
    }

    static Page<FieldChange> byClient(Handle h, long clientId, int page, int size) {
        long total = h.createQuery("SELECT COUNT(*) FROM rec_change WHERE client_id = :client").bind("client", clientId)
                .mapTo(Long.class).one();
        return new Page<>(h.createQuery("SELECT id, entity, entity_id, client_id, field, old_value, new_value, actor_id, actor_name, "
                        + "reason, changed_at FROM rec_change WHERE client_id = :client ORDER BY changed_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .bind("client", clientId).bind("limit", size).bind("offset", (long) (page - 1) * size)
                .map((rs, ctx) -> row(rs)).list(), total);
    }

    private static String cut(String value) {
        return cut(value, MAX_VALUE);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    private static FieldChange row(ResultSet rs) throws SQLException {
        return new FieldChange(rs.getLong("id"), rs.getString("entity"), rs.getLong("entity_id"), rs.getLong("client_id"),
                rs.getString("field"), rs.getString("old_value"), rs.getString("new_value"), rs.getLong("actor_id"),
                rs.getString("actor_name"), rs.getString("reason"), Sql.instant(rs, "changed_at"));
    }
}
