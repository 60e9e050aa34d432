package org.rapport.records.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rapport.records.Client;
import org.rapport.records.ClientInput;
import org.rapport.records.Contact;
import org.rapport.records.ContactInput;
import org.rapport.web.ApiException;

/**
 * Masked fields in requests: unmasking with a reason ({@code {"fields": [...], "reason": "..."}}),
 * keeping the stored value of a masked field a full update sent back, and refusing a patch of a
 * field the caller cannot read.
 */
final class Unmask {

    /** The body of an unmask request. */
    record Body(List<String> fields, String reason) {
    }

    private Unmask() {
    }

    static Body read(Body body, List<String> allowed) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (body.fields() == null || body.fields().isEmpty()) {
            errors.put("fields", "name at least one field, e.g. [\"phones\"]");
        } else if (!allowed.containsAll(body.fields())) {
            errors.put("fields", "must be among " + String.join(", ", allowed));
        }
        if (body.reason() == null || body.reason().isBlank()) {
            errors.put("reason", "is required: say why you need the whole value");
        } else if (body.reason().length() > 500) {
            errors.put("reason", "at most 500 characters");
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new Body(List.copyOf(new java.util.LinkedHashSet<>(body.fields())), body.reason().strip());
    }

    /** {@code {"id", "fields": {name: whole value}}}. */
    static Map<String, Object> answer(long id, Map<String, Object> json, List<String> fields) {
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach(f -> values.put(f, json.get(f)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        answer.put("fields", values);
        return answer;
    }

    /** A patch naming a field the caller sees masked is refused: they would overwrite what they cannot see. */
    static void refuseMaskedFields(JsonNode patch, List<String> masked) {
        for (String field : masked) {
            if (patch.has(field)) {
                throw new ApiException(403, "masked_field", "You cannot change '" + field + "': your role sees it masked. Unmask it first or ask a colleague with clearance",
                        Map.of("field", field));
            }
        }
    }

    /** The sent client with every masked field set back to the stored value. */
    static ClientInput keepMasked(ClientInput sent, Client current, List<String> masked) {
        if (masked.isEmpty()) {
            return sent;
        }
        return new ClientInput(
                masked.contains("name") ? current.name() : sent.name(),
                masked.contains("registrationNo") ? current.registrationNo() : sent.registrationNo(),
                masked.contains("industry") ? current.industry() : sent.industry(),
                masked.contains("region") ? current.region() : sent.region(),
                masked.contains("annualRevenue") ? current.annualRevenue() : sent.annualRevenue(),
                masked.contains("employees") ? current.employees() : sent.employees(),
                masked.contains("tags") ? current.tags() : sent.tags(),
                masked.contains("status") ? current.status() : sent.status(),
                masked.contains("clientSince") ? current.clientSince() : sent.clientSince());
    }

    /** The sent contact with every masked field set back to the stored value. */
    static ContactInput keepMasked(ContactInput sent, Contact current, List<String> masked) {
        if (masked.isEmpty()) {
            return sent;
        }
        return new ContactInput(
                masked.contains("name") ? current.name() : sent.name(),
                masked.contains("title") ? current.title() : sent.title(),
                masked.contains("emails") ? current.emails() : sent.emails(),
                masked.contains("phones") ? current.phones() : sent.phones(),
                masked.contains("preferredChannel") ? current.preferredChannel() : sent.preferredChannel(),
                masked.contains("language") ? current.language() : sent.language(),
                masked.contains("timeZone") ? current.timeZone() : sent.timeZone());
    }
}
