package org.rapport.records.internal.rest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.rapport.records.Client;
import org.rapport.records.Contact;
import org.rapport.records.Duplicate;
import org.rapport.records.FieldChange;
import org.rapport.security.FieldPolicy;
import org.rapport.security.Principal;

/**
 * Client records as a caller may see them: every field above the caller's clearance (see
 * {@link FieldPolicy}) is masked — text and lists of text as the policy masks them
 * ({@code 138****5678}), numbers and dates left out ({@code null}) — and named in {@code "masked"}.
 */
final class Views {
    static final List<String> CLIENT_FIELDS = List.of("name", "registrationNo", "industry", "region", "annualRevenue", "employees", "tags",
            "status", "clientSince");
    static final List<String> CONTACT_FIELDS = List.of("name", "title", "emails", "phones", "preferredChannel", "language", "timeZone");

    private final FieldPolicy policy;

    Views(FieldPolicy policy) {
        this.policy = policy;
    }

    Map<String, Object> client(Client client, Principal caller) {
        return masked(JsonMaps.fields(client), "client", CLIENT_FIELDS, caller);
    }

    List<Map<String, Object>> clients(Collection<Client> clients, Principal caller) {
        return clients.stream().map(c -> client(c, caller)).toList();
    }

    Map<String, Object> contact(Contact contact, Principal caller) {
        return masked(JsonMaps.fields(contact), "contact", CONTACT_FIELDS, caller);
    }

    List<Map<String, Object>> contacts(Collection<Contact> contacts, Principal caller) {
        return contacts.stream().map(c -> contact(c, caller)).toList();
    }

    /** A history entry: old and new values masked like the field they belong to. */
    Map<String, Object> change(FieldChange change, Principal caller) {
        Map<String, Object> json = JsonMaps.fields(change);
        if (!policy.visible(caller, change.entity(), change.field())) {
            json.put("oldValue", policy.mask(change.oldValue()));
            json.put("newValue", policy.mask(change.newValue()));
            json.put("masked", List.of("oldValue", "newValue"));
        }
        return json;
    }

    /** A duplicate hint: the matching value masked when it is a contact's email or phone the caller may not read. */
    Map<String, Object> duplicate(Duplicate duplicate, Principal caller) {
        Map<String, Object> json = JsonMaps.fields(duplicate);
        String entity = duplicate.reason().equals("email") || duplicate.reason().equals("phone") ? "contact" : "client";
        String field = switch (duplicate.reason()) {
            case "email" -> "emails";
            case "phone" -> "phones";
            default -> duplicate.reason();
        };
        if (!policy.visible(caller, entity, field)) {
            json.put("value", policy.mask(duplicate.value()));
        }
        return json;
    }

    List<Map<String, Object>> duplicates(Collection<Duplicate> duplicates, Principal caller) {
        return duplicates.stream().map(d -> duplicate(d, caller)).toList();
    }

    /** The fields of {@code entity} (among {@code candidates}) the caller sees masked. */
    List<String> maskedFields(String entity, List<String> candidates, Principal caller) {
        return candidates.stream().filter(f -> !policy.visible(caller, entity, f)).toList();
    }

    private Map<String, Object> masked(Map<String, Object> json, String entity, List<String> fields, Principal caller) {
        List<String> masked = new ArrayList<>();
        for (String field : fields) {
            if (!policy.visible(caller, entity, field)) {
                json.put(field, mask(json.get(field)));
                masked.add(field);
            }
        }
        if (!masked.isEmpty()) {
            json.put("masked", masked);
        }
        return json;
    }

    private Object mask(Object value) {
        if (value instanceof String text) {
            return policy.mask(text);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> v instanceof String s ? policy.mask(s) : null).toList();
        }
        return null;
    }
}
