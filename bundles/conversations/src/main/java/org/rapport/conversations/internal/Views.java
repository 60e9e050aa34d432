package org.rapport.conversations.internal;

import java.util.List;
import org.rapport.conversations.Conversation;
import org.rapport.conversations.Message;
import org.rapport.security.StaffDirectory;
import org.rapport.security.StaffMember;

/** Stored rows as the API shows them, with staff names filled in. */
final class Views {

    private final StaffDirectory staff;

    Views(StaffDirectory staff) {
        this.staff = staff;
    }

    Conversation conversation(ConversationRow c) {
        return new Conversation(c.id(), c.channel(), c.account(), c.contactId(), c.clientId(), c.address(),
                c.name() == null ? c.address() : c.name(), c.subject(), c.language(), c.status(), c.mode(), c.assigneeId(),
                name(c.assigneeId()), c.handoverSummary(), c.createdAt(), c.lastMessageAt(), c.lastMessage(), c.messageCount());
    }

    List<Conversation> conversations(List<ConversationRow> rows) {
        return rows.stream().map(this::conversation).toList();
    }

    Message message(MessageRow m) {
        return new Message(m.id(), m.conversationId(), m.direction(), m.author(), m.staffId(), name(m.staffId()), m.subject(), m.body(),
                m.intent(), JsonText.sources(m.sources()), m.status(), m.statusDetail(), m.createdAt(), JsonText.attachments(m.attachments()));
    }

    private String name(Long staffId) {
        return staffId == null ? null : staff.byId(staffId).map(StaffMember::displayName).orElse("#" + staffId);
    }
}
