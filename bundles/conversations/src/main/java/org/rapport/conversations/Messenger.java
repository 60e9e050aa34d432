package org.rapport.conversations;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The one outbound path for other bundles: every message goes through the compliance gate, then
 * into the durable outbox in the same transaction as its conversation message, then to the
 * channel's adapter. Nothing is sent around it.
 *
 * @since 0.1
 */
@ProviderType
public interface Messenger {

    /** Sends one message (see {@link #sendAll}). */
    SendOutcome send(Outgoing message);

    /**
     * Sends a batch (a campaign's slice): each is checked by the gate, and the accepted ones are
     * stored with their outbox rows in one transaction. A key sent before is reported as
     * {@code duplicate} and not sent again.
     *
     * @return one outcome per message, in order
     */
    List<SendOutcome> sendAll(List<Outgoing> messages);

    /**
     * Counts of the outbox by state ({@code pending}, {@code deferred}, {@code sending},
     * {@code sent}, {@code failed}), for monitoring.
     */
    java.util.Map<String, Long> outboxCounts();

    /**
     * Sends an internal message to a staff member's own email address (gate purpose
     * {@code internal}, then the outbox); stored outside every client conversation. A member without
     * an email address is {@code unreachable} ({@code no_address}); an unknown one {@code invalid}.
     *
     * @since 0.3
     */
    SendOutcome sendToStaff(StaffOutgoing message);
}
