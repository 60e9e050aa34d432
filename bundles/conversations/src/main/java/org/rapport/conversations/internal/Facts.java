package org.rapport.conversations.internal;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.rapport.conversations.internal.bot.AccountFacts;
import org.rapport.records.Contact;
import org.rapport.records.Records;
import org.rapport.security.AuditEvent;
import org.rapport.security.AuditSink;
import org.rapport.security.Principal;
import org.rapport.security.StaffDirectory;
import org.rapport.security.StaffMember;
import org.rapport.store.Store;

/**
 * The verified client's own data for the bot's answers. Each read is recorded in the audit log
 * first (as the system, answering the client); without an audit log nothing is read.
 */
final class Facts implements AccountFacts {

    private final Store store;
    private final Records records;
    private final StaffDirectory staff;
    private final Peers peers;
    private final Clock clock;

    Facts(Store store, Records records, StaffDirectory staff, Peers peers, Clock clock) {
        this.store = store;
        this.records = records;
        this.staff = staff;
        this.peers = peers;
        this.clock = clock;
    }

    @Override
    public Optional<String> accountManager(long contactId) {
        Contact contact = contact(contactId);
        audit("client", contact, List.of("managerId"));
        return records.client(contact.clientId()).map(c -> c.standing().managerId()).flatMap(staff::byId)
                .filter(StaffMember::enabled).map(StaffMember::displayName);
    }

    @Override
    public List<Complaint> complaints(long contactId) {
        Contact contact = contact(contactId);
        audit("complaint", contact, List.of());
        return store.jdbi().withHandle(h -> ConversationRepository.complaints(h, contactId, 5)).stream()
                .map(c -> new Complaint(c.reference(), c.createdAt().atZone(ZoneOffset.UTC).toLocalDate(), c.status())).toList();
    }

    @Override
    public List<Transaction> transactions(long contactId, int max) {
        Contact contact = contact(contactId);
        audit("transaction", contact, List.of());
        return records.transactions(contact.clientId(), 1, max).items().stream()
                .map(t -> new Transaction(t.date(), t.amount(), t.currency(), t.product())).toList();
    }

    private Contact contact(long contactId) {
        return records.contact(contactId).orElseThrow(() -> new IllegalStateException("contact " + contactId + " is gone"));
    }

    private void audit(String entity, Contact contact, List<String> fields) {
        AuditSink sink = peers.audit().orElseThrow(() -> new IllegalStateException("no audit log running"));
        sink.record(new AuditEvent(clock.instant(), Principal.SYSTEM, "read", entity, List.of(String.valueOf(contact.clientId())), fields,
                contact.clientId(), contact.id(), "system", null, "chatbot answer to the verified client",
                "the client asked about their own account"));
    }
}
