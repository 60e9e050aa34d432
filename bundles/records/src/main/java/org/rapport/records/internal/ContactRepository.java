package org.rapport.records.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.rapport.records.Contact;
import org.rapport.records.ContactInput;
import org.rapport.store.SqlArrays;

/** SQL for {@code rec_contact} and its emails and phones in {@code rec_contact_point}. */
final class ContactRepository {
    private static final String COLUMNS = "id, client_id, name, title, preferred_channel, language, time_zone, created_at, updated_at";
    static final String EMAIL = "email";
    static final String PHONE = "phone";

    private ContactRepository() {
    }

    static long insert(Handle h, long clientId, ContactInput in, Instant now) {
        long id = h.createUpdate("INSERT INTO rec_contact (client_id, name, title, preferred_channel, language, time_zone, "
                        + "created_at, updated_at) VALUES (:client, :name, :title, :channel, :language, :zone, :now, :now)")
                .bind("client", clientId)
                .bind("name", in.name())
                .bind("title", in.title())
                .bind("channel", in.preferredChannel())
                .bind("language", in.language())
                .bind("zone", in.timeZone())
                .bind("now", Sql.ts(now))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        insertPoints(h, id, clientId, in);
        return id;
    }

    static void update(Handle h, long id, long clientId, ContactInput in, Instant now) {
        h.createUpdate("UPDATE rec_contact SET name = :name, title = :title, preferred_channel = :channel, language = :language, "
                        + "time_zone = :zone, updated_at = :now WHERE id = :id")
                .bind("name", in.name())
                .bind("title", in.title())
                .bind("channel", in.preferredChannel())
                .bind("language", in.language())
                .bind("zone", in.timeZone())
                .bind("now", Sql.ts(now))
                .bind("id", id)
                .execute();
        h.createUpdate("DELETE FROM rec_contact_point WHERE contact_id = :id").bind("id", id).execute();
        insertPoints(h, id, clientId, in);
    }

    static void delete(Handle h, long id, Instant now) {
        h.createUpdate("UPDATE rec_contact SET deleted = TRUE, updated_at = :now WHERE id = :id")
                .bind("id", id)
                .bind("now", Sql.ts(now))
                .execute();
        h.createUpdate("DELETE FROM rec_contact_point WHERE contact_id = :id").bind("id", id).execute();
    }

    static void moveToClient(Handle h, long fromClient, long toClient) {
        h.createUpdate("UPDATE rec_contact SET client_id = :to WHERE client_id = :from").bind("to", toClient).bind("from", fromClient).execute();
        h.createUpdate("UPDATE rec_contact_point SET client_id = :to WHERE client_id = :from").bind("to", toClient).bind("from", fromClient).execute();
    }

    private static void insertPoints(Handle h, long contactId, long clientId, ContactInput in) {
        if (in.emails().isEmpty() && in.phones().isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO rec_contact_point (contact_id, client_id, kind, position, point_value, point_key) "
                + "VALUES (:contact, :client, :kind, :position, :value, :key)");
        addPoints(batch, contactId, clientId, EMAIL, in.emails());
        addPoints(batch, contactId, clientId, PHONE, in.phones());
        batch.execute();
    }

    static void addPoints(PreparedBatch batch, long contactId, long clientId, String kind, List<String> values) {
        int position = 0;
        for (String value : values) {
            batch.bind("contact", contactId).bind("client", clientId).bind("kind", kind).bind("position", position++)
                    .bind("value", value).bind("key", key(kind, value)).add();
        }
    }

    static String key(String kind, String value) {
        return EMAIL.equals(kind) ? Normalise.emailKey(value) : value;
    }

    static Optional<Contact> byId(Handle h, long id) {
        List<Contact> found = load(h, "SELECT " + COLUMNS + " FROM rec_contact WHERE id = :id AND deleted = FALSE", Map.of("id", id));
        return found.stream().findFirst();
    }

    /** The contact also when staff deleted it, with that flag; empty when there is no row (never created, or erased). */
    static Optional<Map.Entry<Contact, Boolean>> anyById(Handle h, long id) {
        Optional<Boolean> deleted = h.createQuery("SELECT deleted FROM rec_contact WHERE id = :id").bind("id", id).mapTo(Boolean.class)
                .findOne();
        if (deleted.isEmpty()) {
            return Optional.empty();
        }
        return load(h, "SELECT " + COLUMNS + " FROM rec_contact WHERE id = :id", Map.of("id", id)).stream().findFirst()
                .map(c -> Map.entry(c, deleted.get()));
    }

    /** Live contacts with these ids, by id. */
    static List<Contact> byIds(Handle h, java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return load(h, "SELECT " + COLUMNS + " FROM rec_contact " + SqlArrays.join("ids", "id") + " "
                + "WHERE deleted = FALSE ORDER BY id", Map.of("ids", SqlArrays.distinct(ids)));
    }

    static List<Contact> byClient(Handle h, long clientId) {
        return load(h, "SELECT " + COLUMNS + " FROM rec_contact WHERE client_id = :client AND deleted = FALSE ORDER BY id",
                Map.of("client", clientId));
    }

    /** Live contacts of these clients, by client then id. */
    static List<Contact> byClients(Handle h, java.util.Collection<Long> clientIds) {
        if (clientIds.isEmpty()) {
            return List.of();
        }
        return load(h, "SELECT " + COLUMNS + " FROM rec_contact " + SqlArrays.join("clients", "client_id") + " "
                + "WHERE deleted = FALSE ORDER BY client_id, id", Map.of("clients", SqlArrays.distinct(clientIds)));
    }

    static List<Contact> byPoint(Handle h, String kind, String key) {
        return load(h, "SELECT " + COLUMNS + " FROM rec_contact WHERE deleted = FALSE AND id IN "
                + "(SELECT contact_id FROM rec_contact_point WHERE kind = :kind AND point_key = :key) ORDER BY id",
                Map.of("kind", kind, "key", key));
    }

    /** Client ids and names of live clients having a contact point with one of these keys: key → (client id, name). */
    static Map<String, List<Map.Entry<Long, String>>> clientsByPoints(Handle h, String kind, Collection<String> keys) {
        Map<String, List<Map.Entry<Long, String>>> result = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return result;
        }
        // by point_key alone (index rec_contact_point_lookup); with "kind =" in the query H2 picks the kind index and scans
        h.createQuery("SELECT DISTINCT p.kind, p.point_key, c.id, c.name FROM UNNEST(:keys) AS k(k_value) "
                        + "JOIN rec_contact_point p ON p.point_key = k.k_value JOIN rec_client c ON c.id = p.client_id "
                        + "WHERE c.merged_into IS NULL")
                .bindArray("keys", String.class, SqlArrays.distinct(keys))
                .map((rs, ctx) -> rs.getString(1).equals(kind) ? Map.entry(rs.getString(2), Map.entry(rs.getLong(3), rs.getString(4))) : null)
                .forEach(e -> {
                    if (e != null) {
                        result.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
                    }
                });
        return result;
    }

    private static List<Contact> load(Handle h, String sql, Map<String, Object> binds) {
        var query = h.createQuery(sql);
        binds.forEach((name, value) -> {
            if (value instanceof java.util.Set<?> ids) {
                query.bindArray(name, Long.class, ids);
            } else {
                query.bind(name, value);
            }
        });
        List<Row> rows = query.map((rs, ctx) -> row(rs)).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> emails = new LinkedHashMap<>();
        Map<Long, List<String>> phones = new LinkedHashMap<>();
        h.createQuery("SELECT contact_id, kind, point_value FROM rec_contact_point " + SqlArrays.join("ids", "contact_id") + " ORDER BY contact_id, kind, position")
                .bindArray("ids", Long.class, SqlArrays.distinct(rows.stream().map(Row::id).toList()))
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .forEach(p -> (EMAIL.equals(p[1]) ? emails : phones)
                        .computeIfAbsent(Long.parseLong(p[0]), k -> new ArrayList<>()).add(p[2]));
        return rows.stream().map(r -> new Contact(r.id, r.clientId, r.name, r.title, emails.getOrDefault(r.id, List.of()),
                phones.getOrDefault(r.id, List.of()), r.channel, r.language, r.zone, r.createdAt, r.updatedAt)).toList();
    }

    private record Row(long id, long clientId, String name, String title, String channel, String language, String zone,
            Instant createdAt, Instant updatedAt) {}

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("client_id"), rs.getString("name"), rs.getString("title"),
                rs.getString("preferred_channel"), rs.getString("language"), rs.getString("time_zone"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
