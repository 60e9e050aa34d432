package org.rapport.records.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.rapport.records.Client;
import org.rapport.records.ClientInput;
import org.rapport.records.ContactInput;

/**
 * Writes one batch of validated import rows in the caller's transaction: finds duplicates among
 * existing clients (registration number, name key, email, phone) and earlier rows of the batch,
 * then inserts the new clients and contacts with JDBC batches and merges the rest.
 */
final class ImportBatchWriter {

    /** A row that matched an existing client or an earlier row. */
    record Match(long line, long clientId, String clientName, String reason) {}

    /** What a batch did. */
    record Outcome(List<Long> created, int merged, int contacts, List<Match> duplicates) {}

    private final Handle h;
    private final DuplicatePolicy policy;
    private final long actorId;
    private final Timestamp now;
    private final Instant instant;

    ImportBatchWriter(Handle h, DuplicatePolicy policy, long actorId, Instant now) {
        this.h = h;
        this.policy = policy;
        this.actorId = actorId;
        this.instant = now;
        this.now = Timestamp.from(now);
    }

    Outcome write(List<PendingRow> rows) {
        Existing existing = Existing.find(h, rows);
        List<PendingRow> fresh = new ArrayList<>();
        Map<Integer, Integer> freshIndexOfRow = new HashMap<>();
        Map<String, Integer> batchKeys = new HashMap<>();
        List<Match> duplicates = new ArrayList<>();
        Map<Long, List<PendingRow>> mergeInto = new HashMap<>();
        Map<Integer, List<ContactInput>> extraContacts = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            PendingRow row = rows.get(i);
            Match match = existing.match(row);
            Integer earlier = match == null ? earlierRow(batchKeys, row) : null;
            if (match == null && earlier == null || policy == DuplicatePolicy.CREATE) {
                if (match != null) {
                    duplicates.add(match);
                }
                freshIndexOfRow.put(i, fresh.size());
                fresh.add(row);
                remember(batchKeys, row, fresh.size() - 1);
            } else if (match != null) {
                duplicates.add(match);
                if (policy == DuplicatePolicy.MERGE) {
                    mergeInto.computeIfAbsent(match.clientId(), k -> new ArrayList<>()).add(row);
                }
            } else {
                duplicates.add(new Match(row.line(), 0, fresh.get(earlier).client().name(), "earlier row"));
                if (policy == DuplicatePolicy.MERGE && row.contact() != null) {
                    extraContacts.computeIfAbsent(earlier, k -> new ArrayList<>()).add(row.contact());
                }
            }
        }
        List<Long> ids = insertClients(fresh);
        List<Object[]> contacts = new ArrayList<>();
        for (int f = 0; f < fresh.size(); f++) {
            long clientId = ids.get(f);
            if (fresh.get(f).contact() != null) {
                contacts.add(new Object[] {clientId, fresh.get(f).contact()});
            }
            for (ContactInput extra : extraContacts.getOrDefault(f, List.of())) {
                contacts.add(new Object[] {clientId, extra});
            }
        }
        int merged = 0;
        for (Map.Entry<Long, List<PendingRow>> e : mergeInto.entrySet()) {
            merged += merge(e.getKey(), e.getValue(), contacts);
        }
        insertContacts(contacts);
        return new Outcome(ids, merged, contacts.size(), duplicates);
    }

    private static Integer earlierRow(Map<String, Integer> batchKeys, PendingRow row) {
        for (String key : keys(row)) {
            Integer index = batchKeys.get(key);
            if (index != null) {
                return index;
            }
        }
        return null;
    }

    private static void remember(Map<String, Integer> batchKeys, PendingRow row, int index) {
        keys(row).forEach(k -> batchKeys.putIfAbsent(k, index));
    }

    private static List<String> keys(PendingRow row) {
        List<String> keys = new ArrayList<>();
        if (row.client().registrationNo() != null) {
            keys.add("r:" + row.client().registrationNo());
        }
        keys.add("n:" + row.nameKey());
        row.emailKeys().forEach(k -> keys.add("e:" + k));
        row.phoneKeys().forEach(k -> keys.add("p:" + k));
        return keys;
    }

    private List<Long> insertClients(List<PendingRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO rec_client (name, name_key, registration_no, industry, region, annual_revenue, "
                + "employees, tags, status, client_since, created_by, created_at, updated_at) VALUES (:name, :nameKey, :reg, :industry, "
                + ":region, :revenue, :employees, :tags, :status, :since, :actor, :now, :now)");
        for (PendingRow row : rows) {
            ClientInput c = row.client();
            batch.bind("name", c.name()).bind("nameKey", row.nameKey()).bind("reg", c.registrationNo()).bind("industry", c.industry())
                    .bind("region", c.region()).bind("revenue", c.annualRevenue()).bind("employees", c.employees())
                    .bind("tags", Normalise.encodeTags(c.tags())).bind("status", c.status())
                    .bind("since", c.clientSince() == null ? null : java.sql.Date.valueOf(c.clientSince()))
                    .bind("actor", actorId).bind("now", now).add();
        }
        return batch.executePreparedBatch("id").mapTo(Long.class).list();
    }

    private void insertContacts(List<Object[]> contacts) {
        if (contacts.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO rec_contact (client_id, name, title, preferred_channel, language, time_zone, "
                + "created_at, updated_at) VALUES (:client, :name, :title, :channel, :language, :zone, :now, :now)");
        for (Object[] pair : contacts) {
            ContactInput c = (ContactInput) pair[1];
            batch.bind("client", (Long) pair[0]).bind("name", c.name()).bind("title", c.title()).bind("channel", c.preferredChannel())
                    .bind("language", c.language()).bind("zone", c.timeZone()).bind("now", now).add();
        }
        List<Long> ids = batch.executePreparedBatch("id").mapTo(Long.class).list();
        PreparedBatch points = h.prepareBatch("INSERT INTO rec_contact_point (contact_id, client_id, kind, position, point_value, point_key) "
                + "VALUES (:contact, :client, :kind, :position, :value, :key)");
        boolean any = false;
        for (int i = 0; i < contacts.size(); i++) {
            ContactInput c = (ContactInput) contacts.get(i)[1];
            long clientId = (Long) contacts.get(i)[0];
            ContactRepository.addPoints(points, ids.get(i), clientId, ContactRepository.EMAIL, c.emails());
            ContactRepository.addPoints(points, ids.get(i), clientId, ContactRepository.PHONE, c.phones());
            any |= !c.emails().isEmpty() || !c.phones().isEmpty();
        }
        if (any) {
            points.execute();
        }
    }

    /** Fills the existing client's empty fields from the rows and queues their contacts unless already known. */
    private int merge(long clientId, List<PendingRow> rows, List<Object[]> contacts) {
        Client current = ClientRepository.byId(h, clientId).orElse(null);
        if (current == null) {
            return 0;
        }
        Set<String> known = new LinkedHashSet<>();
        h.createQuery("SELECT point_key FROM rec_contact_point WHERE client_id = :id").bind("id", clientId).mapTo(String.class)
                .forEach(known::add);
        ClientInput merged = ClientInput.of(current);
        for (PendingRow row : rows) {
            merged = Merging.fields(merged, row.client());
            ContactInput contact = row.contact();
            if (contact != null && (contact.emails().isEmpty() && contact.phones().isEmpty()
                    || row.emailKeys().stream().noneMatch(known::contains) && row.phoneKeys().stream().noneMatch(known::contains))) {
                contacts.add(new Object[] {clientId, contact});
                known.addAll(row.emailKeys());
                known.addAll(row.phoneKeys());
            }
        }
        var changes = Diff.client(clientId, ClientInput.of(current), merged);
        if (!changes.isEmpty()) {
            ClientRepository.update(h, clientId, merged, instant);
            ChangeRepository.insert(h, clientId, changes, importer(), "import", instant);
        }
        return rows.size();
    }

    private org.rapport.security.Principal importer() {
        return actorId == 0 ? org.rapport.security.Principal.SYSTEM
                : new org.rapport.security.Principal(actorId, "import", "import", Set.of(), org.rapport.security.Principal.Kind.SYSTEM,
                        null, Set.of());
    }
}
