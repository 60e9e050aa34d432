package org.rapport.records;

import java.time.Instant;

/**
 * One changed field in the change history.
 *
 * @param id the id
 * @param entity {@code client}, {@code contact}, {@code task}
 * @param entityId the changed record
 * @param clientId the company it belongs to
 * @param field the field name (as in the REST API)
 * @param oldValue the value before, as text, or {@code null}
 * @param newValue the value after, as text, or {@code null}
 * @param actorId the staff user who changed it ({@code 0}: the system)
 * @param actorName that user's name
 * @param reason why, when given
 * @param at when
 * @since 0.1
 */
public record FieldChange(long id, String entity, long entityId, long clientId, String field, String oldValue,
        String newValue, long actorId, String actorName, String reason, Instant at) {}
