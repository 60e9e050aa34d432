package org.rapport.compliance;

import java.net.URI;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.rapport.security.Principal;

/**
 * Consent per contact, channel and purpose, with its full history, and the opt-out paths of the
 * channels (keywords, one-click unsubscribe links). Every change posts
 * {@link ComplianceEvents#CONSENT_CHANGED}.
 *
 * @since 0.1
 */
@ProviderType
public interface Consents {

    /** Current state per channel × purpose (every combination, defaults included). */
    List<Consent> of(long contactId);

    /** Every recorded change, newest first. */
    List<ConsentChange> history(long contactId);

    /**
     * Records an opt-in or opt-out.
     *
     * @param source where it came from (letters, digits, {@code _}; at most 40)
     * @param evidence what proves it (at most 1000 characters), or {@code null}
     * @throws org.rapport.records.NoSuchRecordException when the contact is unknown
     * @throws IllegalArgumentException for an unknown channel or a malformed source
     */
    Consent set(long contactId, String channel, Purpose purpose, boolean granted, String source, String evidence,
            Principal actor);

    /**
     * A channel keyword opt-out (SMS "STOP"/"TD"/"退订", chat "unsubscribe"…) from an address:
     * opts the contact(s) with that address out of care and marketing on that channel (service
     * stays); returns the contacts affected (empty when none is known).
     */
    List<Long> optOutByAddress(String channel, String address, String evidence);

    /**
     * True when the text is an opt-out command (STOP, TD, 退订, unsubscribe, 取消订阅 …, any
     * case, surrounding blanks/punctuation ignored).
     */
    boolean isOptOutCommand(String text);

    /**
     * A one-click unsubscribe URL (RFC 8058) for this contact, channel and purpose, signed so it
     * cannot be forged; absolute, on {@code rapport.public.url}.
     */
    URI unsubscribeUrl(long contactId, String channel, Purpose purpose);
}
