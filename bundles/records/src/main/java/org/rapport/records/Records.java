package org.rapport.records;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.rapport.security.Principal;

/**
 * The client records. Every method that changes something runs in one transaction, records
 * each changed field in the change history with the {@code actor}, and posts the matching
 * {@link RecordsEvents} event after commit. Invalid input throws {@link InvalidRecordException};
 * an unknown id throws {@link NoSuchRecordException}.
 *
 * @since 0.1
 */
@ProviderType
public interface Records {

    // --- clients ---

    /** Creates a client company. Duplicates are not refused here: ask {@link #duplicates} first. */
    Client createClient(ClientInput input, Principal actor);

    /** Writes all fields of {@code input} onto the client; unchanged fields are not recorded. */
    Client updateClient(long id, ClientInput input, Principal actor);

    /** The client, unless unknown or merged away. */
    Optional<Client> client(long id);

    /** A page of clients. */
    Page<Client> clients(ClientQuery query);

    /** Counts of clients per value of {@code field} ({@code tier}, {@code stage}, {@code region}, {@code industry}, {@code managerId}); {@code null} values under {@code ""}. */
    java.util.Map<String, Long> countBy(String field);

    /**
     * Existing clients that look like the same company: same registration number, same
     * normalised name (legal-form words and punctuation ignored), or a contact with one of the
     * given emails or phones.
     *
     * @param input the new company
     * @param emails emails of its contacts
     * @param phones phones of its contacts
     * @param excludeId a client id to leave out ({@code 0}: none)
     */
    List<Duplicate> duplicates(ClientInput input, List<String> emails, List<String> phones, long excludeId);

    /**
     * Merges {@code sourceId} into {@code targetId}: contacts, interactions, transactions and tasks
     * move to the target, empty target fields take the source's values, tags are joined; the
     * source is marked merged and no longer listed.
     */
    Client merge(long targetId, long sourceId, Principal actor);

    /** Sets the parts of the standing that are not {@code null} in {@code standing}; records changes with {@code reason}. */
    Client updateStanding(long clientId, Standing standing, String reason, Principal actor);

    /**
     * {@link #updateStanding} for many clients in one transaction (the scoring of an import's
     * clients): clients that are gone (deleted, merged) are left out; at most 1000 at once.
     *
     * @return how many clients' standing changed
     * @since 0.4
     */
    int updateStandings(java.util.Map<Long, Standing> standings, String reason, Principal actor);

    /** Clears the manager of a client (e.g. when the manager leaves and nobody can take it). */
    Client clearManager(long clientId, String reason, Principal actor);

    // --- contacts ---

    Contact addContact(long clientId, ContactInput input, Principal actor);

    Contact updateContact(long contactId, ContactInput input, Principal actor);

    void deleteContact(long contactId, Principal actor);

    Optional<Contact> contact(long contactId);

    /**
     * The live contacts among these ids, by id (ids of unknown or deleted contacts are left out): as {@link #contact}
     * for each, in one read.
     *
     * @since 0.5
     */
    default java.util.Map<Long, Contact> contactsById(java.util.Collection<Long> contactIds) {
        java.util.Map<Long, Contact> found = new java.util.LinkedHashMap<>();
        for (Long id : new java.util.LinkedHashSet<>(contactIds)) {
            contact(id).ifPresent(c -> found.put(id, c));
        }
        return found;
    }

    List<Contact> contacts(long clientId);

    /** Contacts with this email address (case-insensitive), for identifying a sender. */
    List<Contact> contactsByEmail(String email);

    /** Contacts with this phone number (compared normalised), for identifying a sender. */
    List<Contact> contactsByPhone(String phone);

    // --- timeline, transactions, tasks ---

    Interaction addInteraction(long clientId, InteractionInput input, Principal actor);

    /** The client's timeline, newest first. */
    Page<Interaction> interactions(long clientId, int page, int size);

    ClientTransaction addTransaction(long clientId, TransactionInput input, Principal actor);

    /**
     * Adds many transactions of one client at once (e.g. a feed from the core system), in one
     * transaction with one {@link RecordsEvents#TRANSACTION_CREATED} event carrying the count.
     * Every item is validated first; one invalid item rejects the batch (field names are prefixed
     * with the item's position, e.g. {@code [3].amount}).
     *
     * @return how many were added
     */
    int addTransactions(long clientId, List<TransactionInput> inputs, Principal actor);

    /** The client's transactions, newest first. */
    Page<ClientTransaction> transactions(long clientId, int page, int size);

    FollowUp addTask(long clientId, FollowUpInput input, Principal actor);

    FollowUp updateTask(long taskId, FollowUpInput input, Principal actor);

    /** The task, if any. */
    Optional<FollowUp> task(long taskId);

    /** A client's tasks, open ones first by due date. */
    List<FollowUp> tasks(long clientId);

    /**
     * Open tasks across clients, by due date.
     *
     * @param ownerId only this owner's ({@code null}: everyone's)
     * @param overdueOnly only tasks due before today
     * @param limit at most this many
     */
    List<FollowUp> openTasks(Long ownerId, boolean overdueOnly, int limit);

    /**
     * Activity summaries of these clients as of {@code today}, for scoring. Unknown ids are
     * left out.
     */
    java.util.Map<Long, ClientActivity> activity(java.util.Collection<Long> clientIds, java.time.LocalDate today);

    /** Ids of all live clients, ascending, after {@code afterId}, at most {@code limit} (for batch work). */
    List<Long> clientIds(long afterId, int limit);

    // --- bulk reads, for other stores fed from the records (e.g. the search index) ---

    /** Several clients at once (at most 1000 ids), by id; unknown and merged-away ids are left out. */
    List<Client> clients(java.util.Collection<Long> ids);

    /** The contacts of several clients at once (at most 1000 client ids), by client then id. */
    List<Contact> contactsOf(java.util.Collection<Long> clientIds);

    /** Interactions with an id above {@code afterId}, ascending by id, at most {@code limit} (1 to 5000). */
    List<Interaction> interactionsAfter(long afterId, int limit);

    // --- personal data (data-subject requests, retention) ---

    /**
     * Everything held about a contact, also a contact staff deleted (whose data stays until it is
     * erased); empty when there is no such contact or it was erased.
     *
     * @since 0.2
     */
    Optional<ContactData> contactData(long contactId);

    /**
     * Erases a contact (also one staff deleted): the contact and its email addresses and phone
     * numbers are deleted; its interactions and tasks stay for the company's history but lose the
     * contact, the summary / title and the message reference; the values of its change-history
     * entries are removed. The client's history records that a contact was erased (no name), with
     * {@code reason}. Posts {@link RecordsEvents#CONTACT_DELETED} (with {@link RecordsEvents#ERASED}
     * {@code true}) and, when interactions changed, {@link RecordsEvents#INTERACTIONS_CHANGED}.
     *
     * @throws NoSuchRecordException when there is no such contact (or it was erased already)
     * @since 0.2
     */
    ContactErasure eraseContact(long contactId, String reason, Principal actor);

    /**
     * Retention: interactions that occurred before {@code before} are deleted, or anonymised
     * (summary and message reference removed, contact unlinked) when {@code anonymise}. Posts
     * {@link RecordsEvents#INTERACTIONS_CHANGED} per client affected.
     *
     * @return how many interactions
     * @since 0.2
     */
    long removeInteractions(java.time.Instant before, boolean anonymise, Principal actor);

    /**
     * Retention: change-history entries recorded before {@code before} are deleted.
     *
     * @return how many
     * @since 0.2
     */
    long removeHistory(java.time.Instant before);

    // --- history ---

    /** The change history of a client and everything under it, newest first. */
    Page<FieldChange> history(long clientId, int page, int size);
}
