package org.rapport.compliance;

import java.time.Instant;

/**
 * One recorded opt-in or opt-out, in a contact's consent history.
 *
 * @param id the change's id
 * @param contactId the contact
 * @param channel the channel
 * @param purpose the purpose
 * @param granted opt-in ({@code true}) or opt-out ({@code false})
 * @param source where it came from (see {@link Consent#source()})
 * @param evidence what proves it, or {@code null}
 * @param changedAt when
 * @param actorId the staff member who recorded it ({@code 0} for the system or the client themself)
 * @param actorName their name
 * @since 0.1
 */
public record ConsentChange(long id, long contactId, String channel, Purpose purpose, boolean granted, String source,
        String evidence, Instant changedAt, long actorId, String actorName) {
}
