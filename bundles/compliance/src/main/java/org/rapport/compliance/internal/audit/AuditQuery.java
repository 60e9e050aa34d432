package org.rapport.compliance.internal.audit;

import java.time.Instant;

/**
 * Filters of an audit search; {@code null} means any.
 *
 * @param clientId entries about this client (a read of it, of its contacts, or a list that showed it)
 * @param contactId entries about this contact
 * @param actorId entries by this staff member ({@code 0}: the system)
 * @param action e.g. {@code read}, {@code unmask}
 * @param entity e.g. {@code client}, {@code interaction}
 * @param entityId with {@code entity}: entries naming this record id
 * @param from at or after
 * @param to before
 */
public record AuditQuery(Long clientId, Long contactId, Long actorId, String action, String entity, String entityId, Instant from,
        Instant to) {

    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null, null, null);
}
