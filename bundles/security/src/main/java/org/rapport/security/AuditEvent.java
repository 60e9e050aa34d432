package org.rapport.security;

import java.time.Instant;
import java.util.List;

/**
 * One access to client data, as handed to the {@link AuditSink}.
 *
 * @param at when
 * @param actor who (a staff session, an API token, or the system)
 * @param action what kind of access: {@code read}, {@code create}, {@code update}, {@code delete},
 *        {@code export}, {@code unmask}, {@code erase}, ... (lower case)
 * @param entity what kind of record: {@code client}, {@code contact}, {@code interaction}, ...
 * @param entityIds the ids of the records accessed (empty when the access was a search that
 *        returned nothing or is not about given records)
 * @param fields the fields read or changed (empty: the whole record)
 * @param clientId the client company concerned when there is exactly one, else {@code null}
 * @param contactId the contact concerned when there is exactly one, else {@code null}
 * @param via {@code console} (a staff session), {@code api} (an API token) or {@code system}
 * @param remoteAddress the caller's address, or {@code null} for the system
 * @param request {@code METHOD /path?query} of the REST call, or a description of the system
 *        work (e.g. {@code chatbot}); never {@code null}
 * @param reason why, when the caller gave a reason (unmask, erase, export), else {@code null}
 * @since 0.1
 */
public record AuditEvent(Instant at, Principal actor, String action, String entity, List<String> entityIds,
        List<String> fields, Long clientId, Long contactId, String via, String remoteAddress, String request,
        String reason) {

    public AuditEvent {
        entityIds = List.copyOf(entityIds);
        fields = List.copyOf(fields);
    }
}
