package org.rapport.conversations.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.compliance.DataFile;
import org.rapport.compliance.DataTable;
import org.rapport.compliance.Erasure;
import org.rapport.compliance.PersonalDataProvider;
import org.rapport.compliance.RetentionAction;
import org.rapport.compliance.RetentionKind;
import org.rapport.conversations.channel.Attachment;
import org.rapport.security.Principal;
import org.rapport.store.SchemaReady;
import org.rapport.store.Store;

/**
 * This bundle's data about a contact for data-subject requests and retention
 * ({@code conversations}): their conversations, messages, attachments and complaints. The export
 * holds the attachment files as well ({@code files/attachments/<message>/<n>-<name>}). Erasure
 * blanks every message of their conversations, deletes the attachment files, stops what still
 * waits to be sent to them, forgets the channel ids, and unlinks the conversations from them (the
 * conversations stay, empty, for the counts). Retention deletes the files of the messages it
 * deletes or blanks.
 */
@Component(service = PersonalDataProvider.class)
public final class ConversationsPersonalData implements PersonalDataProvider {

    private static final List<RetentionKind> KINDS = List.of(
            new RetentionKind("email-messages", "Email messages", "邮件消息", 5 * 365, List.of(RetentionAction.DELETE, RetentionAction.ANONYMISE)),
            new RetentionKind("sms-messages", "SMS messages", "短信消息", 5 * 365, List.of(RetentionAction.DELETE, RetentionAction.ANONYMISE)),
            new RetentionKind("chat-transcripts", "Chat transcripts", "聊天记录", 3 * 365, List.of(RetentionAction.DELETE, RetentionAction.ANONYMISE)));

    private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N}._-]");

    private final Store store;
    private final AttachmentFiles files;

    @Activate
    public ConversationsPersonalData(BundleContext context, @Reference Store store,
            @Reference(target = "(" + SchemaReady.BUNDLE + "=org.rapport.conversations)") SchemaReady schema) {
        this(store, Path.of(Objects.requireNonNullElse(context.getProperty("rapport.data"), "data")));
    }

    /** Without OSGi (tests): over {@code store}, attachment files under {@code dataDir}. */
    ConversationsPersonalData(Store store, Path dataDir) {
        this.store = store;
        this.files = new AttachmentFiles(dataDir);
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
                            PersonalDataRepository.complaints(h, contactId)),
                    new DataTable("attachments", List.of("messageId", "name", "contentType", "size", "file", "note"),
                            exported(h, contactId).stream().map(ExportedAttachment::row).toList()));
        });
    }

    @Override
    public List<DataFile> files(long contactId) {
        return store.jdbi().withHandle(h -> exported(h, contactId).stream().filter(a -> a.file() != null)
                .map(a -> new DataFile(a.exportName(), a.file())).toList());
    }

    /** An attachment of one of the contact's messages, and where its file is (null: it has none, or it is gone). */
    private record ExportedAttachment(long messageId, int index, Attachment attachment, Path file) {

        String exportName() {
            String name = attachment.name() == null ? "" : UNSAFE.matcher(attachment.name()).replaceAll("_").replaceAll("\\.{2,}", ".");
            return "attachments/" + messageId + "/" + index + "-" + (name.isEmpty() ? "file" : name.length() > 100 ? name.substring(name.length() - 100) : name);
        }

        List<Object> row() {
            return Arrays.asList(messageId, attachment.name(), attachment.contentType(), attachment.size(),
                    file == null ? null : "files/" + exportName(), attachment.note());
        }
    }

    private List<ExportedAttachment> exported(Handle h, long contactId) {
        List<ExportedAttachment> all = new ArrayList<>();
        for (PersonalDataRepository.StoredAttachments stored : PersonalDataRepository.attachments(h, contactId)) {
            if ("note".equals(stored.direction())) {
                continue; // staff notes are not the contact's data, as in the messages table
            }
            List<Attachment> list = JsonText.attachments(stored.json());
            for (int i = 0; i < list.size(); i++) {
                all.add(new ExportedAttachment(stored.messageId(), i + 1, list.get(i), files.find(stored.channel(), list.get(i)).orElse(null)));
            }
        }
        return all;
    }

    private List<Path> filesOf(List<PersonalDataRepository.StoredAttachments> stored) {
        List<Path> found = new ArrayList<>();
        for (PersonalDataRepository.StoredAttachments s : stored) {
            for (Attachment a : JsonText.attachments(s.json())) {
                files.find(s.channel(), a).ifPresent(found::add);
            }
        }
        return found;
    }

    @Override
    public Erasure erase(long contactId, Principal actor) {
        List<Path> attachmentFiles = new ArrayList<>();
        Erasure erased = store.inTransaction(tx -> {
            var h = tx.handle();
            attachmentFiles.addAll(filesOf(PersonalDataRepository.attachments(h, contactId)));
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
        // the files go once the rows no longer point at them; a failed transaction leaves both
        int deleted = files.delete(attachmentFiles);
        List<Erasure.Item> items = new ArrayList<>(erased.items());
        items.add(new Erasure.Item("attachment files", RetentionAction.DELETE, deleted));
        return new Erasure(erased.provider(), items);
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
        List<Path> attachmentFiles = new ArrayList<>();
        long removed = store.inTransaction(tx -> {
            attachmentFiles.addAll(filesOf(PersonalDataRepository.attachmentsBefore(tx.handle(), channel, cutoff)));
            return (long) PersonalDataRepository.removeMessages(tx.handle(), channel, cutoff, action == RetentionAction.ANONYMISE);
        });
        files.delete(attachmentFiles);
        return removed;
    }
}
