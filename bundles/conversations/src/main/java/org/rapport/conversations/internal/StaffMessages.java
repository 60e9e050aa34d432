package org.rapport.conversations.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.rapport.compliance.GateDecision;
import org.rapport.conversations.ConversationEvents;
import org.rapport.conversations.SendOutcome;
import org.rapport.conversations.StaffOutgoing;
import org.rapport.security.StaffDirectory;
import org.rapport.security.StaffMember;
import org.rapport.store.Store;

/**
 * {@link org.rapport.conversations.Messenger#sendToStaff}: an internal message to a staff member's
 * own email address. The gate decides it (purpose {@code internal}, no contact); an accepted one is
 * stored in a conversation of status {@code internal} of its own — no contact, lead or client, so no
 * inbox, client history or contact lookup ever lists it — with its outbox row, in one transaction.
 */
final class StaffMessages {

    /** The status of the conversation holding an internal message; the inbox lists only open / waiting / closed ones. */
    static final String INTERNAL = "internal";
    static final String PURPOSE = "internal";

    private final Store store;
    private final StaffDirectory staff;
    private final Gatekeeper gate;
    private final Clock clock;

    StaffMessages(Store store, StaffDirectory staff, Gatekeeper gate, Clock clock) {
        this.store = store;
        this.staff = staff;
        this.gate = gate;
        this.clock = clock;
    }

    SendOutcome send(StaffOutgoing m) {
        String problem = problem(m);
        if (problem != null) {
            return new SendOutcome(m == null ? null : m.key(), "invalid", "invalid", problem, null, null);
        }
        if (!store.jdbi().withHandle(h -> OutboxRepository.existingKeys(h, List.of(m.key()))).isEmpty()) {
            return duplicate(m);
        }
        Optional<StaffMember> member = staff.byId(m.staffId());
        if (member.isEmpty()) {
            return new SendOutcome(m.key(), "invalid", "unknown_staff", "No staff member " + m.staffId(), null, null);
        }
        String address = member.get().email();
        if (address == null || address.isBlank()) {
            return new SendOutcome(m.key(), "unreachable", "no_address", "The staff member has no email address", null, null);
        }
        Instant now = clock.instant();
        String content = m.subject() == null ? m.text() : m.subject() + "\n" + m.text();
        Optional<GateDecision> decision = gate.check(null, "email", address, PURPOSE, content, false, m.sender(), m.key());
        Outcome outcome = Outcome.of(decision, now);
        if (!outcome.stored()) {
            return new SendOutcome(m.key(), "blocked", outcome.reasonCode(), outcome.detail(), null, null);
        }
        try {
            return store.inTransaction(tx -> {
                ConversationRow conversation = ConversationRepository.insertConversation(tx.handle(), new ConversationRow(0, "email", "", null,
                        null, null, address, member.get().displayName(), m.subject(), "en", INTERNAL, "bot", null, null, now, null, now, null,
                        null, 0));
                if (m.aboutContactId() != null) {
                    tx.handle().createUpdate("UPDATE conv_conversation SET about_contact_id = :contact WHERE id = :id")
                            .bind("contact", m.aboutContactId()).bind("id", conversation.id()).execute();
                }
                OutboundDraft draft = new OutboundDraft("system", null, m.subject(), m.text(), m.html(), null, List.of(), PURPOSE, m.key());
                long messageId = ConversationRepository.insertMessage(tx.handle(), new MessageRow(0, conversation.id(), "outbound", "system",
                        null, m.subject(), m.text(), m.html(), null, null, outcome.messageStatus(), outcome.detail(), PURPOSE, false, null,
                        null, now));
                OutboxRepository.insert(tx.handle(), List.of(new OutboxRepository.NewRow(messageId, m.key(), "email", "",
                        outcome.outboxState(), outcome.dueAt(), outcome.recheck())), now);
                ConversationRepository.touch(tx.handle(), conversation.id(), now, m.text(), false, null);
                tx.emit(ConversationEvents.MESSAGE_QUEUED, OutboundWriter.event(conversation, messageId, draft, outcome));
                return new SendOutcome(m.key(), outcome.messageStatus(), outcome.reasonCode(), outcome.detail(), messageId, conversation.id());
            });
        } catch (UnableToExecuteStatementException e) {
            // the key's outbox row appeared concurrently (unique index): nothing new was stored
            return duplicate(m);
        }
    }

    private static SendOutcome duplicate(StaffOutgoing m) {
        return new SendOutcome(m.key(), "duplicate", "duplicate", "A message with this key was sent before", null, null);
    }

    private static String problem(StaffOutgoing m) {
        if (m == null) {
            return "no message";
        }
        return OutgoingChecks.keyAndText(m.key(), m.text());
    }
}
