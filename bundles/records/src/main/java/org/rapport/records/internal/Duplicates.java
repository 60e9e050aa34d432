package org.rapport.records.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.rapport.records.ClientInput;
import org.rapport.records.Duplicate;
import org.rapport.records.RegistrationNumbers;

/** Finds existing clients that look like the same company: registration number, name key, contact email or phone. */
final class Duplicates {
    private static final int LIMIT = 20;

    private Duplicates() {
    }

    static List<Duplicate> find(Handle h, ClientInput input, List<String> emails, List<String> phones, long excludeId) {
        Map<Long, Duplicate> found = new LinkedHashMap<>();
        String registration = RegistrationNumbers.normalise(input.registrationNo());
        if (registration != null) {
            h.createQuery("SELECT id, name FROM rec_client WHERE registration_no = :reg AND merged_into IS NULL AND id <> :ex LIMIT 20")
                    .bind("reg", registration).bind("ex", excludeId)
                    .map((rs, ctx) -> new Duplicate(rs.getLong(1), rs.getString(2), "registrationNo", registration))
                    .forEach(d -> found.putIfAbsent(d.clientId(), d));
        }
        String name = Normalise.text(input.name());
        if (name != null) {
            String key = Normalise.nameKey(name);
            h.createQuery("SELECT id, name FROM rec_client WHERE name_key = :key AND merged_into IS NULL AND id <> :ex LIMIT 20")
                    .bind("key", key).bind("ex", excludeId)
                    .map((rs, ctx) -> new Duplicate(rs.getLong(1), rs.getString(2), "name", name))
                    .forEach(d -> found.putIfAbsent(d.clientId(), d));
        }
        points(h, ContactRepository.EMAIL, emailKeys(emails), excludeId, found);
        points(h, ContactRepository.PHONE, phoneKeys(phones), excludeId, found);
        List<Duplicate> result = new ArrayList<>(found.values());
        return result.size() > LIMIT ? result.subList(0, LIMIT) : result;
    }

    private static void points(Handle h, String kind, Set<String> keys, long excludeId, Map<Long, Duplicate> found) {
        String reason = ContactRepository.EMAIL.equals(kind) ? "email" : "phone";
        ContactRepository.clientsByPoints(h, kind, keys).forEach((key, clients) -> clients.stream()
                .filter(c -> c.getKey() != excludeId)
                .forEach(c -> found.putIfAbsent(c.getKey(), new Duplicate(c.getKey(), c.getValue(), reason, key))));
    }

    static Set<String> emailKeys(List<String> emails) {
        Set<String> keys = new LinkedHashSet<>();
        for (String email : emails == null ? List.<String>of() : emails) {
            if (email != null && !email.isBlank()) {
                keys.add(Normalise.emailKey(email));
            }
        }
        return keys;
    }

    static Set<String> phoneKeys(List<String> phones) {
        Set<String> keys = new LinkedHashSet<>();
        for (String phone : phones == null ? List.<String>of() : phones) {
            String normal = Normalise.phone(phone);
            if (normal != null) {
                keys.add(normal);
            }
        }
        return keys;
    }
}
