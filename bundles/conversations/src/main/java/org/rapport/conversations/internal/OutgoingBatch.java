package org.rapport.conversations.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.rapport.compliance.GateDecision;
import org.rapport.compliance.OutboundRequest;
import org.rapport.compliance.Purpose;
import org.rapport.conversations.ConversationEvents;
import org.rapport.conversations.Outgoing;
import org.rapport.conversations.SendOutcome;
import org.rapport.records.Contact;
import org.rapport.records.Records;
import org.rapport.store.Store;

/**
 * {@link org.rapport.conversations.Messenger#sendAll} for one batch: checks each message, asks the
 * gate, and writes the accepted ones — each in a conversation of its own, started by us and closed
 * until the client answers — with their outbox rows in one transaction.
 */
final class OutgoingBatch {


    private final Store store;
    private final Records records;
    private final Gatekeeper gate;
    private final Clock clock;

    OutgoingBatch(Store store, Records records, Gatekeeper gate, Clock clock) {
        this.store = store;
        this.records = records;
        this.gate = gate;
        this.clock = clock;
    }

    /** A message that passed the checks, with where it goes and what the gate said. */
    private record Accepted(int index, Outgoing message, Contact contact, String channel, String address, Outcome outcome) {}

    List<SendOutcome> send(List<Outgoing> messages) {
        Instant now = clock.instant();
        SendOutcome[] outcomes = new SendOutcome[messages.size()];
        Set<String> seen = new HashSet<>();
        List<String> keys = messages.stream().map(m -> m == null ? null : m.key()).filter(k -> k != null && !k.isBlank()).toList();
        Set<String> sentBefore = new HashSet<>(store.jdbi().withHandle(h -> OutboxRepository.existingKeys(h, keys)));
        List<Accepted> candidates = new ArrayList<>();
        List<OutboundRequest> requests = new ArrayList<>();
        java.util.Map<Long, Contact> contacts = records.contactsById(messages.stream()
                .filter(m -> m != null && m.contactId() > 0).map(Outgoing::contactId).toList());
        for (int i = 0; i < messages.size(); i++) {
            Outgoing m = messages.get(i);
            String problem = problem(m);
            if (problem != null) {
                outcomes[i] = new SendOutcome(m == null ? null : m.key(), "invalid", "invalid", problem, null, null);
                continue;
            }
            if (sentBefore.contains(m.key()) || !seen.add(m.key())) {
                outcomes[i] = new SendOutcome(m.key(), "duplicate", "duplicate", "A message with this key was sent before", null, null);
                continue;
            }
            Optional<Contact> contact = Optional.ofNullable(contacts.get(m.contactId()));
            if (contact.isEmpty()) {
                outcomes[i] = new SendOutcome(m.key(), "blocked", "unknown_contact", "No contact " + m.contactId(), null, null);
                continue;
            }
            String channel = channel(m, contact.get());
            String address = address(contact.get(), channel);
            if (address == null) {
                outcomes[i] = new SendOutcome(m.key(), "unreachable", "no_address",
                        "The contact has no address for " + (channel == null ? "any channel" : channel), null, null);
                continue;
            }
            String content = m.subject() == null ? m.text() : m.subject() + "\n" + m.text();
            requests.add(Gatekeeper.request(m.contactId(), channel, address, m.purpose().toLowerCase(Locale.ROOT), content, m.replyToClient(),
                    m.sender(), m.key()));
            candidates.add(new Accepted(i, m, contact.get(), channel, address, null));
        }
        // one gate transaction for the whole batch
        Optional<List<GateDecision>> decisions = requests.isEmpty() ? Optional.of(List.of()) : gate.checkAll(requests);
        List<Accepted> accepted = new ArrayList<>();
        for (int j = 0; j < candidates.size(); j++) {
            Accepted c = candidates.get(j);
            int at = j;
            Outcome outcome = Outcome.of(decisions.map(d -> d.get(at)), now);
            if (!outcome.stored()) {
                outcomes[c.index()] = new SendOutcome(c.message().key(), "blocked", outcome.reasonCode(), outcome.detail(), null, null);
                continue;
            }
            accepted.add(new Accepted(c.index(), c.message(), c.contact(), c.channel(), c.address(), outcome));
        }
        if (!accepted.isEmpty()) {
            store.inTransaction(tx -> {
                write(tx, accepted, now, outcomes);
                return null;
            });
        }
        return List.of(outcomes);
    }

    private void write(org.rapport.store.Tx tx, List<Accepted> accepted, Instant now, SendOutcome[] outcomes) {
        Handle h = tx.handle();
        PreparedBatch conversations = h.prepareBatch("INSERT INTO conv_conversation (channel, account, contact_id, client_id, address, "
                + "name, subject, language, status, mode, created_at, closed_at, last_message_at, last_message, message_count) VALUES "
                + "(:channel, '', :contact, :client, :address, :name, :subject, :language, 'closed', 'bot', :now, :now, :now, :preview, 1)");
        for (Accepted a : accepted) {
            conversations.bind("channel", a.channel()).bind("contact", a.contact().id()).bind("client", a.contact().clientId())
                    .bind("address", a.address()).bind("name", Sql.cut(a.contact().name(), 200)).bind("subject", Sql.cut(a.message().subject(), 500))
                    .bind("language", a.contact().language()).bind("now", Sql.ts(now))
                    .bind("preview", Sql.cut(a.message().text(), ConversationRepository.PREVIEW)).add();
        }
        List<Long> conversationIds = conversations.executePreparedBatch("id").mapTo(Long.class).list();
        PreparedBatch messageRows = h.prepareBatch("INSERT INTO conv_message (conversation_id, direction, author, subject, body, html, "
                + "status, status_detail, purpose, reply_to_client, created_at) VALUES (:conversation, 'outbound', 'system', :subject, :body, "
                + ":html, :status, :detail, :purpose, :reply, :now)");
        for (int i = 0; i < accepted.size(); i++) {
            Accepted a = accepted.get(i);
            messageRows.bind("conversation", conversationIds.get(i)).bind("subject", Sql.cut(a.message().subject(), 500))
                    .bind("body", a.message().text()).bind("html", a.message().html()).bind("status", a.outcome().messageStatus())
                    .bind("detail", a.outcome().detail()).bind("purpose", a.message().purpose().toLowerCase(Locale.ROOT))
                    .bind("reply", a.message().replyToClient())
                    .bind("now", Sql.ts(now)).add();
        }
        List<Long> messageIds = messageRows.executePreparedBatch("id").mapTo(Long.class).list();
        List<OutboxRepository.NewRow> rows = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            Accepted a = accepted.get(i);
            rows.add(new OutboxRepository.NewRow(messageIds.get(i), a.message().key(), a.channel(), "", a.outcome().outboxState(),
                    a.outcome().dueAt(), a.outcome().recheck()));
            outcomes[a.index()] = new SendOutcome(a.message().key(), a.outcome().messageStatus(), a.outcome().reasonCode(),
                    a.outcome().detail(), messageIds.get(i), conversationIds.get(i));
        }
        OutboxRepository.insert(h, rows, now);
        tx.emit(ConversationEvents.MESSAGE_QUEUED, java.util.Map.of(ConversationEvents.COUNT, accepted.size()));
    }

    private static String problem(Outgoing m) {
        if (m == null) {
            return "no message";
        }
        String keyOrText = OutgoingChecks.keyAndText(m.key(), m.text());
        if (keyOrText != null) {
            return keyOrText;
        }
        try {
            Purpose.of(m.purpose());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (m.channel() != null && !Inbound.CHANNELS.contains(m.channel())) {
            return "unknown channel '" + m.channel() + "'";
        }
        return null;
    }

    /** The message's channel, or the contact's preferred one they have an address for, else email, else SMS. */
    private static String channel(Outgoing m, Contact contact) {
        if (m.channel() != null) {
            return m.channel();
        }
        String preferred = contact.preferredChannel();
        if (("email".equals(preferred) && !contact.emails().isEmpty()) || ("sms".equals(preferred) && !contact.phones().isEmpty())) {
            return preferred;
        }
        return !contact.emails().isEmpty() ? "email" : !contact.phones().isEmpty() ? "sms" : null;
    }

    private String address(Contact contact, String channel) {
        if (channel == null) {
            return null;
        }
        return switch (channel) {
            case "email" -> contact.emails().isEmpty() ? null : contact.emails().get(0);
            case "sms" -> contact.phones().isEmpty() ? null : contact.phones().get(0);
            default -> store.jdbi().withHandle(h -> ConversationRepository.latest(h, contact.id(), null, "webchat", "")).map(ConversationRow::address)
                    .orElse(null);
        };
    }
}
