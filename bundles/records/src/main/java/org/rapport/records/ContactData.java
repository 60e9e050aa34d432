package org.rapport.records;

import java.util.List;

/**
 * Everything the records hold about one contact, for a data-subject export.
 *
 * @param contact the contact (also when it was deleted: {@code deleted} says so)
 * @param deleted whether staff deleted the contact (its data is kept until erased)
 * @param interactions the interactions with this contact, oldest first
 * @param tasks follow-up tasks naming this contact
 * @param changes the change history of the contact's fields, oldest first
 * @since 0.2
 */
public record ContactData(Contact contact, boolean deleted, List<Interaction> interactions, List<FollowUp> tasks,
        List<FieldChange> changes) {

    public ContactData {
        interactions = List.copyOf(interactions);
        tasks = List.copyOf(tasks);
        changes = List.copyOf(changes);
    }
}
