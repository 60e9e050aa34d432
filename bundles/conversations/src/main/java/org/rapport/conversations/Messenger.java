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
     * {@code sent}, {@code failed}, {@code blocked}, {@code withdrawn}), for monitoring.
     */
    java.util.Map<String, Long> outboxCounts();

    /**
     * Withdraws messages not handed to their channel yet: each of these keys whose outbox row is still
     * {@code pending} or {@code deferred} (e.g. waiting for quiet hours to end) becomes {@code withdrawn}, and its
     * conversation message shows {@code withdrawn}; it is not sent unless {@linkplain #requeue requeued}. A message
     * the dispatcher has already claimed ({@code sending}) or finished is left as it is: a message is either sent or
     * withdrawn, never both. Keys never sent are ignored.
     *
     * @param keys the senders' keys, at most {@value #MAX_KEYS}
     * @return the keys withdrawn by this call
     * @throws IllegalArgumentException for too many keys
     * @since 0.3
     */
    java.util.List<String> withdraw(java.util.Collection<String> keys);

    /**
     * {@link #withdraw} for every message whose key starts with {@code keyPrefix} (e.g. {@code campaign:5:run:2:}).
     *
     * @param keyPrefix at least {@value #MIN_PREFIX} characters, at most 200
     * @return the keys withdrawn by this call
     * @throws IllegalArgumentException for a shorter or longer prefix
     * @since 0.3
     */
    java.util.List<String> withdrawByPrefix(String keyPrefix);

    /**
     * Hands withdrawn messages of these keys back to the outbox: due at once, and checked by the compliance gate
     * again before they are sent (consent may have changed, quiet hours may have begun). Still under the same key
     * and outbox row, so a message is never sent twice. Messages not withdrawn are left as they are.
     *
     * @param keys at most {@value #MAX_KEYS}
     * @return the keys requeued by this call
     * @throws IllegalArgumentException for too many keys
     * @since 0.3
     */
    java.util.List<String> requeue(java.util.Collection<String> keys);

    /**
     * {@link #requeue} for every withdrawn message whose key starts with {@code keyPrefix}.
     *
     * @throws IllegalArgumentException for a prefix shorter than {@value #MIN_PREFIX} or longer than 200 characters
     * @since 0.3
     */
    java.util.List<String> requeueByPrefix(String keyPrefix);

    /**
     * The current status of the messages sent with these keys, for a sender that reconciles what it recorded (e.g. a
     * campaign catching up on delivery reports posted while it was stopped): {@code queued}, {@code deferred},
     * {@code sent}, {@code delivered}, {@code read}, {@code failed}, {@code bounced}, {@code blocked} or
     * {@code withdrawn}. Keys with no message are absent.
     *
     * @param keys at most {@value #MAX_KEYS}
     * @throws IllegalArgumentException for too many keys
     * @since 0.3
     */
    java.util.Map<String, String> statuses(java.util.Collection<String> keys);

    /** The most keys one call of {@link #withdraw}, {@link #requeue} or {@link #statuses} takes. @since 0.3 */
    int MAX_KEYS = 10_000;

    /** The shortest key prefix {@link #withdrawByPrefix} and {@link #requeueByPrefix} take. @since 0.3 */
    int MIN_PREFIX = 8;

    /**
     * Sends an internal message to a staff member's own email address (gate purpose
     * {@code internal}, then the outbox); stored outside every client conversation. A member without
     * an email address is {@code unreachable} ({@code no_address}); an unknown one {@code invalid}.
     *
     * @since 0.3
     */
    SendOutcome sendToStaff(StaffOutgoing message);
}
