package org.rapport.records.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.rapport.records.FollowUp;
import org.rapport.records.FollowUpInput;

/** SQL for follow-up tasks ({@code rec_task}). */
final class TaskRepository {
    private static final String COLUMNS = "id, client_id, contact_id, title, due_on, owner_id, status, created_at, done_at";

    private TaskRepository() {
    }

    static long insert(Handle h, long clientId, FollowUpInput in, Instant now) {
        return h.createUpdate("INSERT INTO rec_task (client_id, contact_id, title, due_on, owner_id, status, created_at, done_at) "
                        + "VALUES (:client, :contact, :title, :due, :owner, :status, :now, :doneAt)")
                .bind("client", clientId)
                .bind("contact", in.contactId())
                .bind("title", in.title())
                .bind("due", Date.valueOf(in.due()))
                .bind("owner", in.ownerId())
                .bind("status", in.status())
                .bind("now", Sql.ts(now))
                .bind("doneAt", "open".equals(in.status()) ? null : Sql.ts(now))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    static void update(Handle h, long id, FollowUpInput in, Instant doneAt) {
        h.createUpdate("UPDATE rec_task SET contact_id = :contact, title = :title, due_on = :due, owner_id = :owner, "
                        + "status = :status, done_at = :doneAt WHERE id = :id")
                .bind("contact", in.contactId())
                .bind("title", in.title())
                .bind("due", Date.valueOf(in.due()))
                .bind("owner", in.ownerId())
                .bind("status", in.status())
                .bind("doneAt", Sql.ts(doneAt))
                .bind("id", id)
                .execute();
    }

    static Optional<FollowUp> byId(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM rec_task WHERE id = :id").bind("id", id).map((rs, ctx) -> row(rs)).findOne();
    }

    static List<FollowUp> byClient(Handle h, long clientId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM rec_task WHERE client_id = :client "
                        + "ORDER BY CASE WHEN status = 'open' THEN 0 ELSE 1 END, due_on, id")
                .bind("client", clientId).map((rs, ctx) -> row(rs)).list();
    }

    static List<FollowUp> open(Handle h, Long ownerId, LocalDate dueBefore, int limit) {
        StringBuilder sql = new StringBuilder("SELECT t.id, t.client_id, t.contact_id, t.title, t.due_on, t.owner_id, t.status, "
                + "t.created_at, t.done_at FROM rec_task t JOIN rec_client c ON c.id = t.client_id "
                + "WHERE t.status = 'open' AND c.merged_into IS NULL");
        if (ownerId != null) {
            sql.append(" AND t.owner_id = :owner");
        }
        if (dueBefore != null) {
            sql.append(" AND t.due_on < :before");
        }
        sql.append(" ORDER BY t.due_on, t.id LIMIT :limit");
        Query query = h.createQuery(sql.toString()).bind("limit", limit);
        if (ownerId != null) {
            query.bind("owner", ownerId);
        }
        if (dueBefore != null) {
            query.bind("before", Date.valueOf(dueBefore));
        }
        return query.map((rs, ctx) -> row(rs)).list();
    }

    private static FollowUp row(ResultSet rs) throws SQLException {
        return new FollowUp(rs.getLong("id"), rs.getLong("client_id"), Sql.longOrNull(rs, "contact_id"), rs.getString("title"),
                Sql.date(rs, "due_on"), Sql.longOrNull(rs, "owner_id"), rs.getString("status"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "done_at"));
    }
}
