package org.rapport.conversations.internal;

import java.util.List;
import java.util.Optional;
import org.rapport.records.Client;
import org.rapport.records.Contact;
import org.rapport.records.Records;

/**
 * Finds the contact behind an inbound message: the contact a chat adapter verified, else the
 * contact with the sender's email address or phone number. A sender known by email or phone
 * counts as verified for account questions, because the answer goes back to that address on file
 * — never to anyone else. An unverified chat visitor is nobody known.
 */
final class Identify {

    private final Records records;

    Identify(Records records) {
        this.records = records;
    }

    Identity who(Inbound in) {
        if (in.verifiedContactId() != null) {
            Optional<Contact> contact = records.contact(in.verifiedContactId());
            if (contact.isPresent()) {
                return identity(contact.get(), true);
            }
        }
        List<Contact> matches = switch (in.channel()) {
            case "email" -> records.contactsByEmail(in.from());
            case "sms" -> records.contactsByPhone(in.from());
            default -> List.of();
        };
        // several contacts share the address (a shared mailbox): the one changed last
        return matches.stream().max(java.util.Comparator.comparing(Contact::updatedAt))
                .map(c -> identity(c, true)).orElseGet(() -> Identity.unknown(in.fromName()));
    }

    Identity byContact(long contactId, boolean verified) {
        return records.contact(contactId).map(c -> identity(c, verified)).orElseGet(() -> Identity.unknown(null));
    }

    private Identity identity(Contact contact, boolean verified) {
        Long manager = records.client(contact.clientId()).map(Client::standing).map(s -> s.managerId()).orElse(null);
        return new Identity(contact.id(), contact.clientId(), manager, contact.name(), verified, contact.language());
    }
}
