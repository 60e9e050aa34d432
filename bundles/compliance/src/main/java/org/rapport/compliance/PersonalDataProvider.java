package org.rapport.compliance;

import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;
import org.rapport.security.Principal;

/**
 * A store of personal data that takes part in data-subject requests and retention: register one
 * as an OSGi service (whiteboard) in every bundle that keeps data about contacts — client
 * records, conversations, surveys. The compliance bundle binds them all ({@code MULTIPLE},
 * {@code DYNAMIC}): a contact's export holds every installed provider's tables, an erasure calls
 * every provider, and each provider's retention kinds appear in the retention rules.
 *
 * <p>Providers are told apart by {@link #name()}; with two of the same name the one with the
 * higher {@code service.ranking} is used. Methods are called from request threads and the
 * retention schedule; they must be thread-safe and must not keep the contact's data in logs.
 *
 * @since 0.1
 */
@ConsumerType
public interface PersonalDataProvider {

    /** A short, stable id ({@code records}, {@code conversations}; letters, digits, {@code -}, {@code _}). */
    String name();

    /**
     * Everything this provider holds about the contact, as tables (each becomes a CSV file and a
     * JSON array in the export). Unknown contact: an empty list.
     */
    List<DataTable> export(long contactId);

    /**
     * The files this provider holds about the contact (attachments they sent, for instance), to be
     * copied into their export beside the tables; none by default. A table should name each file
     * (by {@link DataFile#name()}) so the export says what it is.
     *
     * @since 0.4
     */
    default List<DataFile> files(long contactId) {
        return List.of();
    }

    /**
     * Erases or anonymises everything this provider holds about the contact, in one transaction
     * where it can, and says what it did. Afterwards nothing identifying the contact may remain in
     * this provider's tables, and files it keeps about the contact are deleted. Erasing an unknown or already erased contact erases nothing.
     *
     * @param actor who asked (for the provider's own change records)
     */
    Erasure erase(long contactId, Principal actor);

    /** The kinds of data this provider can apply retention rules to; none by default. */
    default List<RetentionKind> retentionKinds() {
        return List.of();
    }

    /**
     * Deletes or anonymises the data of {@code kind} older than {@code cutoff}.
     *
     * @param kind one of {@link #retentionKinds()}' ids
     * @param cutoff data from before this instant is affected
     * @param action delete or anonymise
     * @return how many records were affected
     * @throws IllegalArgumentException for a kind this provider does not have
     */
    default long applyRetention(String kind, Instant cutoff, RetentionAction action) {
        throw new IllegalArgumentException("No retention kind '" + kind + "' in " + name());
    }
}
