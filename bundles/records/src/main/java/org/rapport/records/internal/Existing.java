package org.rapport.records.internal;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.rapport.records.internal.ImportBatchWriter.Match;
import org.rapport.store.SqlArrays;

/** The existing clients a batch of import rows may duplicate, looked up with one query per key kind. */
final class Existing {
    private final Map<String, Match> byRegistration = new HashMap<>();
    private final Map<String, Match> byName = new HashMap<>();
    private final Map<String, Match> byEmail = new HashMap<>();
    private final Map<String, Match> byPhone = new HashMap<>();

    private Existing() {
    }

    static Existing find(Handle h, List<PendingRow> rows) {
        Existing e = new Existing();
        Set<String> registrations = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        for (PendingRow row : rows) {
            if (row.client().registrationNo() != null) {
                registrations.add(row.client().registrationNo());
            }
            names.add(row.nameKey());
            emails.addAll(row.emailKeys());
            phones.addAll(row.phoneKeys());
        }
        if (!registrations.isEmpty()) {
            h.createQuery("SELECT id, name, registration_no FROM rec_client " + SqlArrays.join("keys", "registration_no") + " WHERE merged_into IS NULL")
                    .bindArray("keys", String.class, registrations)
                    .map((rs, ctx) -> e.byRegistration.putIfAbsent(rs.getString(3), new Match(0, rs.getLong(1), rs.getString(2), "registrationNo")))
                    .list();
        }
        h.createQuery("SELECT id, name, name_key FROM rec_client " + SqlArrays.join("keys", "name_key") + " "
                        + "WHERE merged_into IS NULL")
                .bindArray("keys", String.class, names)
                .map((rs, ctx) -> e.byName.putIfAbsent(rs.getString(3), new Match(0, rs.getLong(1), rs.getString(2), "name")))
                .list();
        points(h, ContactRepository.EMAIL, emails, e.byEmail, "email");
        points(h, ContactRepository.PHONE, phones, e.byPhone, "phone");
        return e;
    }

    private static void points(Handle h, String kind, Set<String> keys, Map<String, Match> into, String reason) {
        ContactRepository.clientsByPoints(h, kind, keys).forEach((key, clients) ->
                into.put(key, new Match(0, clients.get(0).getKey(), clients.get(0).getValue(), reason)));
    }

    /** The existing client this row duplicates (strongest key first), or {@code null}. */
    Match match(PendingRow row) {
        Match m = row.client().registrationNo() == null ? null : byRegistration.get(row.client().registrationNo());
        if (m == null) {
            m = byName.get(row.nameKey());
        }
        for (int i = 0; m == null && i < row.emailKeys().size(); i++) {
            m = byEmail.get(row.emailKeys().get(i));
        }
        for (int i = 0; m == null && i < row.phoneKeys().size(); i++) {
            m = byPhone.get(row.phoneKeys().get(i));
        }
        return m == null ? null : new Match(row.line(), m.clientId(), m.clientName(), m.reason());
    }
}
