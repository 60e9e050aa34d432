package org.rapport.conversations.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.rapport.conversations.ConversationEvents;
import org.rapport.store.Tx;

/**
 * Writes an outbound message of a conversation (a bot or staff reply to the client) and its outbox
 * row in the caller's transaction, as the gate decided:
 * queued or deferred messages get a row, blocked ones are kept as blocked without one.
 */
final class OutboundWriter {

    private OutboundWriter() {
    }

    static long write(Tx tx, ConversationRow conversation, OutboundDraft draft, Outcome outcome, Instant now) {
        Handle h = tx.handle();
        long messageId = ConversationRepository.insertMessage(h, new MessageRow(0, conversation.id(), "outbound", draft.author(),
                draft.staffId(), draft.subject(), draft.text(), draft.html(), draft.intent(), sources(draft), outcome.messageStatus(),
                outcome.detail(), draft.purpose(), true, null, null, now));
        if (outcome.stored()) {
            OutboxRepository.insert(h, List.of(new OutboxRepository.NewRow(messageId, draft.key(), conversation.channel(),
                    conversation.account(), outcome.outboxState(), outcome.dueAt(), outcome.recheck())), now);
        }
        ConversationRepository.touch(h, conversation.id(), now, draft.text(), false, null);
        tx.emit(ConversationEvents.MESSAGE_QUEUED, event(conversation, messageId, draft, outcome));
        return messageId;
    }

    static Map<String, Object> event(ConversationRow conversation, long messageId, OutboundDraft draft, Outcome outcome) {
        Map<String, Object> event = new java.util.HashMap<>();
        event.put(ConversationEvents.CONVERSATION_ID, conversation.id());
        event.put(ConversationEvents.MESSAGE_ID, messageId);
        event.put(ConversationEvents.CHANNEL, conversation.channel());
        event.put(ConversationEvents.STATUS, outcome.messageStatus());
        event.put(ConversationEvents.PURPOSE, draft.purpose());
        event.put(ConversationEvents.KEY, draft.key());
        if (conversation.contactId() != null) {
            event.put(ConversationEvents.CONTACT_ID, conversation.contactId());
        }
        if (conversation.clientId() != null) {
            event.put(ConversationEvents.CLIENT_ID, conversation.clientId());
        }
        return event;
    }

    static String sources(OutboundDraft draft) {
        return draft.sources().isEmpty() ? null : JsonText.write(draft.sources());
    }
}
