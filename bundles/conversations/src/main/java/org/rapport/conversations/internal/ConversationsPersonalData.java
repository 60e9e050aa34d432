package org.rapport.conversations.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.compliance.DataTable;
import org.rapport.compliance.Erasure;
import org.rapport.compliance.PersonalDataProvider;
import org.rapport.compliance.RetentionAction;
import org.rapport.compliance.RetentionKind;
import org.rapport.security.Principal;
import org.rapport.store.SchemaReady;
import org.rapport.store.Store;

/**
 * This bundle's data about a contact for data-subject requests and retention
 * ({@code conversations}): their conversations, messages and complaints. Erasure blanks every
 * message of their conversations, stops what still waits to be sent to them, forgets the channel
 * ids, and unlinks the conversations from them (the conversations stay, empty, for the counts).
 */
@Component(service = PersonalDataProvider.class)
public final class ConversationsPersonalData implements PersonalDataProvider {

    private static final List<RetentionKind> KINDS = List.of(
            new RetentionKind("email-messages", "Email messages", "邮件消息", 5 * 365, List.of(RetentionAction.DELETE, RetentionAction.ANONYMISE)),
            new RetentionKind("sms-messages", "SMS messages", "短信消息", 5 * 365, List.of(RetentionAction.DELETE, RetentionAction.ANONYMISE)),
            new RetentionKind("chat-transcripts", "Chat transcripts", "聊天记录", 3 * 365, List.of(RetentionAction.DELETE, RetentionAction.ANONYMISE)));

    private final Store store;

    @Activate
    public ConversationsPersonalData(@Reference Store store,
            @Reference(target = "(" + SchemaReady.BUNDLE + "=org.rapport.conversations)") SchemaReady schema) {
        this.store = store;
    }

    @Override
    public String name() {
        return "conversations";
    }

    @Override
    public List<DataTable> export(long contactId) {
        return store.jdbi().withHandle(h -> {
            List<List<Object>> conversations = PersonalDataRepository.conversations(h, contactId);
            // also the messages of internal conversations about the contact (a test send rendered for them)
            List<List<Object>> messages = PersonalDataRepository.messages(h, contactId);
            if (conversations.isEmpty() && messages.isEmpty()) {
                return List.of();
            }
            return List.of(
                    new DataTable("conversations", List.of("id", "channel", "account", "address", "name", "subject", "language", "status",
                            "createdAt", "lastMessageAt"), conversations),
                    new DataTable("messages", List.of("id", "conversationId", "direction", "author", "subject", "text", "status", "purpose",
                            "createdAt"), messages),
                    new DataTable("complaints", List.of("reference", "conversationId", "summary", "status", "createdAt", "updatedAt"),
                            PersonalDataRepository.complaints(h, contactId)));
        });
    }

    @Override
    public Erasure erase(long contactId, Principal actor) {
        return store.inTransaction(tx -> {
            var h = tx.handle();
            List<Erasure.Item> items = new ArrayList<>();
            int cancelled = PersonalDataRepository.cancelOutbox(h, contactId);
            int messages = PersonalDataRepository.anonymiseMessages(h, contactId);
            PersonalDataRepository.deleteExternalRefs(h, contactId);
            int complaints = PersonalDataRepository.anonymiseComplaints(h, contactId);
            int conversations = PersonalDataRepository.anonymiseConversations(h, contactId);
            items.add(new Erasure.Item("conversations", RetentionAction.ANONYMISE, conversations));
            items.add(new Erasure.Item("messages", RetentionAction.ANONYMISE, messages));
            items.add(new Erasure.Item("complaints", RetentionAction.ANONYMISE, complaints));
            items.add(new Erasure.Item("unsent messages", RetentionAction.DELETE, cancelled));
            return new Erasure(name(), items);
        });
    }

    @Override
    public List<RetentionKind> retentionKinds() {
        return KINDS;
    }

    @Override
    public long applyRetention(String kind, Instant cutoff, RetentionAction action) {
        String channel = switch (kind) {
            case "email-messages" -> "email";
            case "sms-messages" -> "sms";
            case "chat-transcripts" -> "webchat";
            default -> throw new IllegalArgumentException("No retention kind '" + kind + "' in " + name());
        };
        return store.inTransaction(tx -> (long) PersonalDataRepository.removeMessages(tx.handle(), channel, cutoff,
                action == RetentionAction.ANONYMISE));
    }
}
