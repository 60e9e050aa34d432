package org.rapport.records;

import java.util.List;

/**
 * The fields of a contact that staff or an import set (complete state, as {@link ClientInput}).
 *
 * @param name the name (required)
 * @param title job title, or {@code null}
 * @param emails email addresses ({@code null} is none)
 * @param phones phone numbers ({@code null} is none); normalised when stored
 * @param preferredChannel {@code email}, {@code sms}, {@code webchat}, {@code phone} or {@code null}
 * @param language {@code zh} or {@code en} ({@code null}: guessed from the name)
 * @param timeZone IANA time zone id ({@code null}: {@code Asia/Shanghai})
 * @since 0.1
 */
public record ContactInput(String name, String title, List<String> emails, List<String> phones,
        String preferredChannel, String language, String timeZone) {

    public ContactInput {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
    }

    /** The input that reproduces {@code contact}'s current fields. */
    public static ContactInput of(Contact contact) {
        return new ContactInput(contact.name(), contact.title(), contact.emails(), contact.phones(),
                contact.preferredChannel(), contact.language(), contact.timeZone());
    }
}
