package org.rapport.records;

/**
 * What erasing a contact did in the records.
 *
 * @param contactId the erased contact
 * @param clientId its company
 * @param contacts contact rows deleted (1, or 0 when there was none)
 * @param contactPoints email addresses and phone numbers deleted
 * @param interactions interactions anonymised (summary and message reference removed, contact unlinked)
 * @param tasks follow-up tasks anonymised (title removed, contact unlinked)
 * @param changes change-history entries whose values were removed
 * @since 0.2
 */
public record ContactErasure(long contactId, long clientId, int contacts, int contactPoints, int interactions, int tasks,
        int changes) {
}
