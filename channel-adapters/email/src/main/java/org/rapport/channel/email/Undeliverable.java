package org.rapport.channel.email;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Addresses that hard-bounced (the receiving server said the mailbox does not exist or refuses
 * mail for good). The email adapter refuses to send to them ({@code failed}, never retried) until
 * an admin clears the address. Implemented by the email channel bundle.
 *
 * @since 0.1
 */
@ProviderType
public interface Undeliverable {

    /** One undeliverable address, with the bounce that made it so. */
    record Entry(String address, String reason, String account, Instant since) {}

    /** Whether mail to {@code address} (case-insensitive) is refused. */
    boolean isUndeliverable(String address);

    /** The entry for {@code address}, if it is undeliverable. */
    Optional<Entry> find(String address);

    /** The newest entries first, at most {@code max}. */
    List<Entry> list(int max);

    /**
     * Marks {@code address} undeliverable (a hard bounce); a second mark keeps the first date and
     * updates the reason.
     */
    void mark(String address, String reason, String account);

    /** Makes {@code address} deliverable again; false when it was not marked. */
    boolean clear(String address);
}
