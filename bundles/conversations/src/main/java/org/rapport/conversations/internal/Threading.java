package org.rapport.conversations.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Which conversation an inbound message belongs to: the one the adapter names, else the one its
 * references (an email's In-Reply-To / References) point into, else — on chat and SMS, where
 * there are no references — the sender's latest conversation on that channel; a closed one only
 * within the reopen window. Email without known references starts a new conversation.
 */
final class Threading {

    /** The conversation found, and whether it must be reopened. */
    record Found(ConversationRow conversation, boolean reopen) {}

    private Threading() {
    }

    static Optional<Found> find(Handle h, Inbound in, Identity who, Long leadId, Instant now, Duration reopenWindow) {
        if (in.conversationHint() != null) {
            Optional<ConversationRow> hinted = ConversationRepository.conversation(h, in.conversationHint())
                    .filter(c -> c.channel().equals(in.channel()));
            if (hinted.isPresent()) {
                return Optional.of(new Found(hinted.get(), hinted.get().closed())); // the adapter knows: always reopen
            }
        }
        for (String ref : in.references()) {
            Optional<long[]> known = ConversationRepository.referenced(h, in.channel(), in.account(), ref);
            if (known.isPresent()) {
                Optional<Found> found = ConversationRepository.conversation(h, known.get()[1])
                        .flatMap(c -> usable(c, now, reopenWindow));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if ("email".equals(in.channel())) {
            return Optional.empty();
        }
        return ConversationRepository.latest(h, who.contactId(), who.known() ? null : leadId, in.channel(), in.account())
                .flatMap(c -> usable(c, now, reopenWindow));
    }

    private static Optional<Found> usable(ConversationRow c, Instant now, Duration reopenWindow) {
        if (!c.closed()) {
            return Optional.of(new Found(c, false));
        }
        Instant closedAt = c.closedAt() == null ? c.lastMessageAt() : c.closedAt();
        return closedAt.plus(reopenWindow).isAfter(now) ? Optional.of(new Found(c, true)) : Optional.empty();
    }
}
