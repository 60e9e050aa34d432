package org.rapport.compliance.internal.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.rapport.compliance.internal.Sql;

/** SQL for the audit log: the chain head, appending entries with their subjects, searching, paging for verification, erasure. */
final class AuditRepository {
    static final String CLIENT = "client";
    static final String CONTACT = "contact";
    private static final String COLUMNS = "seq, at, actor_id, actor_name, actor_kind, token_id, via, remote_address, action, entity, "
            + "entity_ids, id_count, fields, client_id, contact_id, request, reason, salt, personal_digest, erased, prev_hash, hash";

    /** The last position and hash of the chain. */
    record Head(long seq, String hash) {
    }

    /** One client or contact an entry is about. */
    record Subject(long seq, String kind, long id) {
    }

    private AuditRepository() {
    }

    /** The head, locked until the transaction ends (one appender at a time, on every node). */
    static Head lockHead(Handle h) {
        return h.createQuery("SELECT seq, hash FROM cmp_audit_head WHERE id = 1 FOR UPDATE")
                .map((rs, ctx) -> new Head(rs.getLong(1), rs.getString(2)))
                .one();
    }

    static Head head(Handle h) {
        return h.createQuery("SELECT seq, hash FROM cmp_audit_head WHERE id = 1").map((rs, ctx) -> new Head(rs.getLong(1), rs.getString(2))).one();
    }

    static void append(Handle h, List<AuditRow> rows, List<Subject> subjects, Head head) {
        PreparedBatch batch = h.prepareBatch("INSERT INTO cmp_audit (" + COLUMNS + ") VALUES (:seq, :at, :actorId, :actorName, "
                + ":actorKind, :tokenId, :via, :remote, :action, :entity, :ids, :idCount, :fields, :clientId, :contactId, :request, "
                + ":reason, :salt, :digest, :erased, :prev, :hash)");
        for (AuditRow r : rows) {
            batch.bind("seq", r.seq()).bind("at", Sql.ts(r.at())).bind("actorId", r.actorId()).bind("actorName", r.actorName())
                    .bind("actorKind", r.actorKind()).bind("tokenId", r.tokenId()).bind("via", r.via()).bind("remote", r.remoteAddress())
                    .bind("action", r.action()).bind("entity", r.entity()).bind("ids", String.join(",", r.entityIds()))
                    .bind("idCount", r.idCount()).bind("fields", String.join(",", r.fields())).bind("clientId", r.clientId())
                    .bind("contactId", r.contactId()).bind("request", r.request()).bind("reason", r.reason()).bind("salt", r.salt())
                    .bind("digest", r.personalDigest()).bind("erased", r.erased()).bind("prev", r.prevHash()).bind("hash", r.hash())
                    .add();
        }
        batch.execute();
        if (!subjects.isEmpty()) {
            PreparedBatch subjectBatch = h.prepareBatch("INSERT INTO cmp_audit_subject (seq, kind, subject_id) VALUES (:seq, :kind, :id)");
            for (Subject s : subjects) {
                subjectBatch.bind("seq", s.seq()).bind("kind", s.kind()).bind("id", s.id()).add();
            }
            subjectBatch.execute();
        }
        h.createUpdate("UPDATE cmp_audit_head SET seq = :seq, hash = :hash WHERE id = 1")
                .bind("seq", head.seq())
                .bind("hash", head.hash())
                .execute();
    }

    static List<AuditRow> search(Handle h, AuditQuery q, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM cmp_audit WHERE 1 = 1");
        Map<String, Object> binds = where(q, sql);
        sql.append(" ORDER BY seq DESC LIMIT :limit OFFSET :offset");
        Query query = h.createQuery(sql.toString()).bind("limit", limit).bind("offset", offset);
        binds.forEach(query::bind);
        return query.map((rs, ctx) -> row(rs)).list();
    }

    static long count(Handle h, AuditQuery q) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM cmp_audit WHERE 1 = 1");
        Map<String, Object> binds = where(q, sql);
        Query query = h.createQuery(sql.toString());
        binds.forEach(query::bind);
        return query.mapTo(Long.class).one();
    }

    private static Map<String, Object> where(AuditQuery q, StringBuilder sql) {
        Map<String, Object> binds = new LinkedHashMap<>();
        if (q.clientId() != null) {
            sql.append(" AND seq IN (SELECT seq FROM cmp_audit_subject WHERE kind = 'client' AND subject_id = :client)");
            binds.put("client", q.clientId());
        }
        if (q.contactId() != null) {
            sql.append(" AND seq IN (SELECT seq FROM cmp_audit_subject WHERE kind = 'contact' AND subject_id = :contact)");
            binds.put("contact", q.contactId());
        }
        if (q.actorId() != null) {
            sql.append(" AND actor_id = :actor");
            binds.put("actor", q.actorId());
        }
        if (q.action() != null) {
            sql.append(" AND action = :action");
            binds.put("action", q.action());
        }
        if (q.entity() != null) {
            sql.append(" AND entity = :entity");
            binds.put("entity", q.entity());
        }
        if (q.entityId() != null) {
            String id = Sql.likeEscape(q.entityId());
            sql.append(" AND (entity_ids = :eid OR entity_ids LIKE :eidFirst ESCAPE '!' OR entity_ids LIKE :eidLast ESCAPE '!' "
                    + "OR entity_ids LIKE :eidMid ESCAPE '!')");
            binds.put("eid", q.entityId());
            binds.put("eidFirst", id + ",%");
            binds.put("eidLast", "%," + id);
            binds.put("eidMid", "%," + id + ",%");
        }
        if (q.from() != null) {
            sql.append(" AND at >= :from");
            binds.put("from", Sql.ts(q.from()));
        }
        if (q.to() != null) {
            sql.append(" AND at < :to");
            binds.put("to", Sql.ts(q.to()));
        }
        return binds;
    }

    /** Entries after {@code afterSeq}, ascending, for verification. */
    static List<AuditRow> after(Handle h, long afterSeq, int limit) {
        return h.createQuery("SELECT " + COLUMNS + " FROM cmp_audit WHERE seq > :after ORDER BY seq LIMIT :limit")
                .bind("after", afterSeq)
                .bind("limit", limit)
                .map((rs, ctx) -> row(rs))
                .list();
    }

    /** Blanks the personal parts (request, reason, salt) of the entries about a contact; returns how many. */
    static long erasePersonal(Handle h, long contactId) {
        return h.createUpdate("UPDATE cmp_audit SET request = NULL, reason = NULL, salt = NULL, erased = TRUE WHERE erased = FALSE AND "
                        + "(contact_id = :contact OR seq IN (SELECT seq FROM cmp_audit_subject WHERE kind = 'contact' AND subject_id = :contact))")
                .bind("contact", contactId)
                .execute();
    }

    private static AuditRow row(ResultSet rs) throws SQLException {
        String ids = rs.getString("entity_ids");
        String fields = rs.getString("fields");
        return new AuditRow(rs.getLong("seq"), Sql.instant(rs, "at"), rs.getLong("actor_id"), rs.getString("actor_name"),
                rs.getString("actor_kind"), rs.getString("token_id"), rs.getString("via"), rs.getString("remote_address"),
                rs.getString("action"), rs.getString("entity"), split(ids), rs.getInt("id_count"), split(fields),
                Sql.longOrNull(rs, "client_id"), Sql.longOrNull(rs, "contact_id"), rs.getString("request"), rs.getString("reason"),
                rs.getString("salt"), rs.getString("personal_digest"), rs.getBoolean("erased"), rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    private static List<String> split(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
    }
}
