package org.rapport.records.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.records.Client;
import org.rapport.records.ClientInput;
import org.rapport.records.ClientQuery;
import org.rapport.records.ClientTransaction;
import org.rapport.records.Contact;
import org.rapport.records.ContactInput;
import org.rapport.records.Duplicate;
import org.rapport.records.FieldChange;
import org.rapport.records.FollowUp;
import org.rapport.records.FollowUpInput;
import org.rapport.records.Interaction;
import org.rapport.records.InteractionInput;
import org.rapport.records.InvalidRecordException;
import org.rapport.records.NoSuchRecordException;
import org.rapport.records.Page;
import org.rapport.records.Records;
import org.rapport.records.RecordsEvents;
import org.rapport.records.Standing;
import org.rapport.records.TransactionInput;
import org.rapport.records.internal.ChangeRepository.Change;
import org.rapport.security.Principal;
import org.rapport.store.SchemaReady;
import org.rapport.store.Store;
import org.rapport.store.Tx;

/** The {@link Records} service over the records bundle's tables. */
@Component(service = Records.class)
public final class RecordsService implements Records {
    private static final int MAX_PAGE = 500;

    private final Store store;
    private final Clock clock;

    @Activate
    public RecordsService(@Reference Store store,
            @Reference(target = "(" + SchemaReady.BUNDLE + "=org.rapport.records)") SchemaReady schema) {
        this(store, Clock.systemUTC());
    }

    RecordsService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant();
    }

    // --- clients ---

    @Override
    public Client createClient(ClientInput input, Principal actor) {
        ClientInput valid = Validation.client(input);
        return store.inTransaction(tx -> {
            long id = ClientRepository.insert(tx.handle(), valid, actor.userId(), now());
            ChangeRepository.insert(tx.handle(), id, List.of(Diff.event("client", id, "created", null, valid.name())), actor, null, now());
            emit(tx, RecordsEvents.CLIENT_CREATED, id, actor, Map.of());
            return ClientRepository.byId(tx.handle(), id).orElseThrow();
        });
    }

    @Override
    public Client updateClient(long id, ClientInput input, Principal actor) {
        ClientInput valid = Validation.client(input);
        return store.inTransaction(tx -> {
            Client before = requireClient(tx.handle(), id);
            List<Change> changes = Diff.client(id, ClientInput.of(before), valid);
            if (changes.isEmpty()) {
                return before;
            }
            ClientRepository.update(tx.handle(), id, valid, now());
            ChangeRepository.insert(tx.handle(), id, changes, actor, null, now());
            emit(tx, RecordsEvents.CLIENT_UPDATED, id, actor, Map.of(RecordsEvents.FIELDS, fields(changes)));
            return ClientRepository.byId(tx.handle(), id).orElseThrow();
        });
    }

    @Override
    public Optional<Client> client(long id) {
        return store.jdbi().withHandle(h -> ClientRepository.byId(h, id));
    }

    @Override
    public Page<Client> clients(ClientQuery query) {
        return store.jdbi().withHandle(h -> ClientRepository.list(h, query));
    }

    @Override
    public Map<String, Long> countBy(String field) {
        return store.jdbi().withHandle(h -> ClientRepository.countBy(h, field));
    }

    @Override
    public List<Duplicate> duplicates(ClientInput input, List<String> emails, List<String> phones, long excludeId) {
        return store.jdbi().withHandle(h -> Duplicates.find(h, input, emails, phones, excludeId));
    }

    @Override
    public Client merge(long targetId, long sourceId, Principal actor) {
        if (targetId == sourceId) {
            throw new InvalidRecordException("sourceId", "must differ from the client merged into");
        }
        return store.inTransaction(tx -> {
            Handle h = tx.handle();
            Client target = requireClient(h, targetId);
            Client source = requireClient(h, sourceId);
            ClientInput merged = Merging.fields(target, source);
            List<Change> changes = new ArrayList<>(Diff.client(targetId, ClientInput.of(target), merged));
            if (!changes.isEmpty()) {
                ClientRepository.update(h, targetId, merged, now());
            }
            TimelineRepository.moveToClient(h, sourceId, targetId);
            ContactRepository.moveToClient(h, sourceId, targetId);
            ClientRepository.markMerged(h, sourceId, targetId, now());
            changes.add(Diff.event("client", targetId, "merged", source.name() + " (#" + sourceId + ")", target.name()));
            ChangeRepository.insert(h, targetId, changes, actor, "merge of duplicate #" + sourceId, now());
            emit(tx, RecordsEvents.CLIENT_MERGED, targetId, actor, Map.of(RecordsEvents.MERGED_ID, sourceId));
            return ClientRepository.byId(h, targetId).orElseThrow();
        });
    }

    @Override
    public Client updateStanding(long clientId, Standing standing, String reason, Principal actor) {
        return store.inTransaction(tx -> {
            Client before = requireClient(tx.handle(), clientId);
            return writeStanding(tx, before, merged(before.standing(), standing), reason, actor);
        });
    }

    @Override
    public int updateStandings(Map<Long, Standing> standings, String reason, Principal actor) {
        if (standings.size() > 1000) {
            throw new InvalidRecordException("standings", "at most 1000 at once");
        }
        if (standings.isEmpty()) {
            return 0;
        }
        return store.inTransaction(tx -> {
            Map<Client, Standing> moves = new LinkedHashMap<>();
            for (Client before : ClientRepository.byIds(tx.handle(), standings.keySet())) {
                moves.put(before, merged(before.standing(), standings.get(before.id())));
            }
            return recordStandings(tx, moves, reason, actor);
        });
    }

    /** {@code old} with the parts of {@code update} that are not {@code null}. */
    private static Standing merged(Standing old, Standing update) {
        return new Standing(
                update.tier() != null ? update.tier() : old.tier(),
                update.stage() != null ? update.stage() : old.stage(),
                update.managerId() != null ? update.managerId() : old.managerId(),
                update.valueScore() != null ? update.valueScore() : old.valueScore(),
                update.churnRisk() != null ? update.churnRisk() : old.churnRisk());
    }

    @Override
    public Client clearManager(long clientId, String reason, Principal actor) {
        return store.inTransaction(tx -> {
            Client before = requireClient(tx.handle(), clientId);
            Standing old = before.standing();
            return writeStanding(tx, before, new Standing(old.tier(), old.stage(), null, old.valueScore(), old.churnRisk()), reason,
                    actor);
        });
    }

    private Client writeStanding(Tx tx, Client before, Standing after, String reason, Principal actor) {
        return recordStandings(tx, Map.of(before, after), reason, actor) > 0
                ? ClientRepository.byId(tx.handle(), before.id()).orElseThrow() : before;
    }

    /**
     * Writes the changed standings of {@code moves} (client as it was → its standing after) with
     * their history and events, each kind of write as one batch; answers how many changed.
     */
    private int recordStandings(Tx tx, Map<Client, Standing> moves, String reason, Principal actor) {
        Map<Long, Standing> changed = new LinkedHashMap<>();
        Map<Long, List<Change>> history = new LinkedHashMap<>();
        List<Map<String, Object>> events = new ArrayList<>();
        moves.forEach((before, after) -> {
            List<Change> changes = Diff.standing(before.id(), before.standing(), after);
            if (changes.isEmpty()) {
                return;
            }
            changed.put(before.id(), after);
            // score-only moves are frequent and carry no decision: history keeps tier, stage and manager moves
            history.put(before.id(), changes.stream()
                    .filter(c -> !c.field().equals("valueScore") && !c.field().equals("churnRisk"))
                    .toList());
            events.add(eventProperties(before.id(), actor, Map.of(RecordsEvents.FIELDS, fields(changes))));
        });
        ClientRepository.updateStandings(tx.handle(), changed, now());
        ChangeRepository.insertAll(tx.handle(), history, actor, reason, now());
        tx.emitAll(RecordsEvents.STANDING_CHANGED, events);
        return changed.size();
    }

    // --- contacts ---

    @Override
    public Contact addContact(long clientId, ContactInput input, Principal actor) {
        ContactInput valid = Validation.contact(input);
        return store.inTransaction(tx -> {
            requireClient(tx.handle(), clientId);
            long id = ContactRepository.insert(tx.handle(), clientId, valid, now());
            ChangeRepository.insert(tx.handle(), clientId, List.of(Diff.event("contact", id, "created", null, valid.name())), actor,
                    null, now());
            emit(tx, RecordsEvents.CONTACT_CREATED, clientId, actor, Map.of(RecordsEvents.CONTACT_ID, id));
            return ContactRepository.byId(tx.handle(), id).orElseThrow();
        });
    }

    @Override
    public Contact updateContact(long contactId, ContactInput input, Principal actor) {
        ContactInput valid = Validation.contact(input);
        return store.inTransaction(tx -> {
            Contact before = ContactRepository.byId(tx.handle(), contactId)
                    .orElseThrow(() -> new NoSuchRecordException("contact", contactId));
            List<Change> changes = Diff.contact(contactId, ContactInput.of(before), valid);
            if (changes.isEmpty()) {
                return before;
            }
            ContactRepository.update(tx.handle(), contactId, before.clientId(), valid, now());
            ChangeRepository.insert(tx.handle(), before.clientId(), changes, actor, null, now());
            emit(tx, RecordsEvents.CONTACT_UPDATED, before.clientId(), actor,
                    Map.of(RecordsEvents.CONTACT_ID, contactId, RecordsEvents.FIELDS, fields(changes)));
            return ContactRepository.byId(tx.handle(), contactId).orElseThrow();
        });
    }

    @Override
    public void deleteContact(long contactId, Principal actor) {
        store.inTransaction(tx -> {
            Contact before = ContactRepository.byId(tx.handle(), contactId)
                    .orElseThrow(() -> new NoSuchRecordException("contact", contactId));
            ContactRepository.delete(tx.handle(), contactId, now());
            ChangeRepository.insert(tx.handle(), before.clientId(), List.of(Diff.event("contact", contactId, "deleted", before.name(),
                    null)), actor, null, now());
            emit(tx, RecordsEvents.CONTACT_DELETED, before.clientId(), actor, Map.of(RecordsEvents.CONTACT_ID, contactId));
            return null;
        });
    }

    @Override
    public Optional<Contact> contact(long contactId) {
        return store.jdbi().withHandle(h -> ContactRepository.byId(h, contactId));
    }

    @Override
    public Map<Long, Contact> contactsById(java.util.Collection<Long> contactIds) {
        if (contactIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Contact> found = new java.util.LinkedHashMap<>();
        store.jdbi().withHandle(h -> ContactRepository.byIds(h, contactIds)).forEach(c -> found.put(c.id(), c));
        return found;
    }

    @Override
    public List<Contact> contacts(long clientId) {
        return store.jdbi().withHandle(h -> {
            requireClient(h, clientId);
            return ContactRepository.byClient(h, clientId);
        });
    }

    @Override
    public List<Contact> contactsByEmail(String email) {
        if (email == null || email.isBlank()) {
            return List.of();
        }
        return store.jdbi().withHandle(h -> ContactRepository.byPoint(h, ContactRepository.EMAIL, Normalise.emailKey(email)));
    }

    @Override
    public List<Contact> contactsByPhone(String phone) {
        String normal = Normalise.phone(phone);
        if (normal == null) {
            return List.of();
        }
        return store.jdbi().withHandle(h -> ContactRepository.byPoint(h, ContactRepository.PHONE, normal));
    }

    // --- timeline, transactions, tasks ---

    @Override
    public Interaction addInteraction(long clientId, InteractionInput input, Principal actor) {
        InteractionInput valid = Validation.interaction(input);
        return store.inTransaction(tx -> {
            requireClient(tx.handle(), clientId);
            requireContactOf(tx.handle(), clientId, valid.contactId());
            Instant at = valid.occurredAt() == null ? now() : valid.occurredAt();
            long id = TimelineRepository.insertInteraction(tx.handle(), clientId, valid, at, now());
            Map<String, Object> props = new LinkedHashMap<>();
            props.put(RecordsEvents.ENTITY_ID, id);
            props.put(RecordsEvents.KIND, valid.kind());
            if (valid.contactId() != null) {
                props.put(RecordsEvents.CONTACT_ID, valid.contactId());
            }
            emit(tx, RecordsEvents.INTERACTION_CREATED, clientId, actor, props);
            return TimelineRepository.interaction(tx.handle(), id).orElseThrow();
        });
    }

    @Override
    public Page<Interaction> interactions(long clientId, int page, int size) {
        checkPage(page, size);
        return store.jdbi().withHandle(h -> {
            requireClient(h, clientId);
            return TimelineRepository.interactions(h, clientId, page, size);
        });
    }

    @Override
    public ClientTransaction addTransaction(long clientId, TransactionInput input, Principal actor) {
        TransactionInput valid = Validation.transaction(input, LocalDate.now(clock));
        return store.inTransaction(tx -> {
            requireClient(tx.handle(), clientId);
            long id = TimelineRepository.insertTransaction(tx.handle(), clientId, valid, now());
            emit(tx, RecordsEvents.TRANSACTION_CREATED, clientId, actor, Map.of(RecordsEvents.ENTITY_ID, id));
            return TimelineRepository.transaction(tx.handle(), id).orElseThrow();
        });
    }

    @Override
    public int addTransactions(long clientId, List<TransactionInput> inputs, Principal actor) {
        if (inputs.size() > 100_000) {
            throw new InvalidRecordException("transactions", "at most 100000 at once");
        }
        LocalDate today = LocalDate.now(clock);
        List<TransactionInput> valid = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            try {
                valid.add(Validation.transaction(inputs.get(i), today));
            } catch (InvalidRecordException e) {
                Map<String, String> fields = new LinkedHashMap<>();
                int index = i;
                e.fields().forEach((field, message) -> fields.put("[" + index + "]." + field, message));
                throw new InvalidRecordException(fields);
            }
        }
        if (valid.isEmpty()) {
            return 0;
        }
        return store.inTransaction(tx -> {
            requireClient(tx.handle(), clientId);
            TimelineRepository.insertTransactions(tx.handle(), clientId, valid, now());
            emit(tx, RecordsEvents.TRANSACTION_CREATED, clientId, actor, Map.of(RecordsEvents.COUNT, valid.size()));
            return valid.size();
        });
    }

    @Override
    public Page<ClientTransaction> transactions(long clientId, int page, int size) {
        checkPage(page, size);
        return store.jdbi().withHandle(h -> {
            requireClient(h, clientId);
            return TimelineRepository.transactions(h, clientId, page, size);
        });
    }

    @Override
    public FollowUp addTask(long clientId, FollowUpInput input, Principal actor) {
        FollowUpInput valid = Validation.task(input);
        return store.inTransaction(tx -> {
            requireClient(tx.handle(), clientId);
            requireContactOf(tx.handle(), clientId, valid.contactId());
            long id = TaskRepository.insert(tx.handle(), clientId, valid, now());
            ChangeRepository.insert(tx.handle(), clientId, List.of(Diff.event("task", id, "created", null, valid.title())), actor, null,
                    now());
            emit(tx, RecordsEvents.TASK_CREATED, clientId, actor, Map.of(RecordsEvents.ENTITY_ID, id));
            return TaskRepository.byId(tx.handle(), id).orElseThrow();
        });
    }

    @Override
    public FollowUp updateTask(long taskId, FollowUpInput input, Principal actor) {
        FollowUpInput valid = Validation.task(input);
        return store.inTransaction(tx -> {
            FollowUp before = TaskRepository.byId(tx.handle(), taskId).orElseThrow(() -> new NoSuchRecordException("task", taskId));
            requireContactOf(tx.handle(), before.clientId(), valid.contactId());
            FollowUpInput old = new FollowUpInput(before.contactId(), before.title(), before.due(), before.ownerId(), before.status());
            List<Change> changes = Diff.task(taskId, old, valid);
            if (changes.isEmpty()) {
                return before;
            }
            Instant doneAt = "open".equals(valid.status()) ? null : before.doneAt() != null ? before.doneAt() : now();
            TaskRepository.update(tx.handle(), taskId, valid, doneAt);
            ChangeRepository.insert(tx.handle(), before.clientId(), changes, actor, null, now());
            emit(tx, RecordsEvents.TASK_UPDATED, before.clientId(), actor,
                    Map.of(RecordsEvents.ENTITY_ID, taskId, RecordsEvents.FIELDS, fields(changes)));
            return TaskRepository.byId(tx.handle(), taskId).orElseThrow();
        });
    }

    @Override
    public Optional<FollowUp> task(long taskId) {
        return store.jdbi().withHandle(h -> TaskRepository.byId(h, taskId));
    }

    @Override
    public List<FollowUp> tasks(long clientId) {
        return store.jdbi().withHandle(h -> {
            requireClient(h, clientId);
            return TaskRepository.byClient(h, clientId);
        });
    }

    @Override
    public List<FollowUp> openTasks(Long ownerId, boolean overdueOnly, int limit) {
        int bounded = Math.max(1, Math.min(limit, 1000));
        LocalDate before = overdueOnly ? LocalDate.now(clock) : null;
        return store.jdbi().withHandle(h -> TaskRepository.open(h, ownerId, before, bounded));
    }

    @Override
    public Map<Long, org.rapport.records.ClientActivity> activity(java.util.Collection<Long> clientIds, LocalDate today) {
        if (clientIds.size() > 5000) {
            throw new InvalidRecordException("clientIds", "at most 5000 at once");
        }
        return store.jdbi().withHandle(h -> ActivityRepository.summaries(h, clientIds, today));
    }

    @Override
    public List<Long> clientIds(long afterId, int limit) {
        return store.jdbi().withHandle(h -> ActivityRepository.ids(h, afterId, Math.max(1, Math.min(limit, 5000))));
    }

    @Override
    public Page<FieldChange> history(long clientId, int page, int size) {
        checkPage(page, size);
        return store.jdbi().withHandle(h -> {
            requireClient(h, clientId);
            return ChangeRepository.byClient(h, clientId, page, size);
        });
    }

    @Override
    public List<Client> clients(java.util.Collection<Long> ids) {
        if (ids.size() > 1000) {
            throw new InvalidRecordException("ids", "at most 1000 at once");
        }
        return ids.isEmpty() ? List.of() : store.jdbi().withHandle(h -> ClientRepository.byIds(h, ids));
    }

    @Override
    public List<Contact> contactsOf(java.util.Collection<Long> clientIds) {
        if (clientIds.size() > 1000) {
            throw new InvalidRecordException("clientIds", "at most 1000 at once");
        }
        return clientIds.isEmpty() ? List.of() : store.jdbi().withHandle(h -> ContactRepository.byClients(h, clientIds));
    }

    @Override
    public List<Interaction> interactionsAfter(long afterId, int limit) {
        return store.jdbi().withHandle(h -> TimelineRepository.interactionsAfter(h, afterId, Math.max(1, Math.min(limit, 5000))));
    }

    // --- personal data ---

    @Override
    public Optional<org.rapport.records.ContactData> contactData(long contactId) {
        return store.jdbi().withHandle(h -> ContactRepository.anyById(h, contactId).map(found -> new org.rapport.records.ContactData(
                found.getKey(), found.getValue(), PersonalData.interactions(h, contactId), PersonalData.tasks(h, contactId),
                PersonalData.changes(h, contactId))));
    }

    @Override
    public org.rapport.records.ContactErasure eraseContact(long contactId, String reason, Principal actor) {
        return store.inTransaction(tx -> {
            Handle h = tx.handle();
            Contact contact = ContactRepository.anyById(h, contactId).map(Map.Entry::getKey)
                    .orElseThrow(() -> new NoSuchRecordException("contact", contactId));
            List<Long> taskIds = PersonalData.tasks(h, contactId).stream().map(FollowUp::id).toList();
            int changes = PersonalData.eraseChanges(h, contactId, taskIds);
            int interactions = PersonalData.anonymiseInteractions(h, contactId);
            int tasks = PersonalData.anonymiseTasks(h, contactId);
            int points = PersonalData.deleteContact(h, contactId);
            long clientId = contact.clientId();
            ChangeRepository.insert(h, clientId, List.of(Diff.event("contact", contactId, "erased", null, "#" + contactId)), actor,
                    reason, now());
            emit(tx, RecordsEvents.CONTACT_DELETED, clientId, actor,
                    Map.of(RecordsEvents.CONTACT_ID, contactId, RecordsEvents.ERASED, true));
            if (interactions > 0) {
                emit(tx, RecordsEvents.INTERACTIONS_CHANGED, clientId, actor,
                        Map.of(RecordsEvents.COUNT, (long) interactions, RecordsEvents.ACTION, "anonymised"));
            }
            return new org.rapport.records.ContactErasure(contactId, clientId, 1, points, interactions, tasks, changes);
        });
    }

    @Override
    public long removeInteractions(Instant before, boolean anonymise, Principal actor) {
        List<Long> clients = store.jdbi().withHandle(h -> PersonalData.clientsWithInteractionsBefore(h, before, anonymise));
        long total = 0;
        for (long clientId : clients) {
            total += store.inTransaction(tx -> {
                int count = PersonalData.removeInteractions(tx.handle(), clientId, before, anonymise);
                if (count > 0) {
                    emit(tx, RecordsEvents.INTERACTIONS_CHANGED, clientId, actor,
                            Map.of(RecordsEvents.COUNT, (long) count, RecordsEvents.ACTION, anonymise ? "anonymised" : "deleted"));
                }
                return (long) count;
            });
        }
        return total;
    }

    @Override
    public long removeHistory(Instant before) {
        return store.inTransaction(tx -> PersonalData.removeHistory(tx.handle(), before));
    }

    // --- helpers ---

    private static Client requireClient(Handle h, long id) {
        return ClientRepository.byId(h, id).orElseThrow(() -> new NoSuchRecordException("client", id));
    }

    private static void requireContactOf(Handle h, long clientId, Long contactId) {
        if (contactId != null && ContactRepository.byId(h, contactId).filter(c -> c.clientId() == clientId).isEmpty()) {
            throw new InvalidRecordException("contactId", "is not a contact of client " + clientId);
        }
    }

    static void checkPage(int page, int size) {
        if (page < 1) {
            throw new InvalidRecordException("page", "must be 1 or more");
        }
        if (size < 1 || size > MAX_PAGE) {
            throw new InvalidRecordException("size", "must be between 1 and " + MAX_PAGE);
        }
    }

    private static List<String> fields(List<Change> changes) {
        Set<String> names = new LinkedHashSet<>();
        changes.forEach(c -> names.add(c.field()));
        return List.copyOf(names);
    }

    private static void emit(Tx tx, String topic, long clientId, Principal actor, Map<String, Object> extra) {
        tx.emit(topic, eventProperties(clientId, actor, extra));
    }

    private static Map<String, Object> eventProperties(long clientId, Principal actor, Map<String, Object> extra) {
        Map<String, Object> props = new LinkedHashMap<>(extra);
        props.put(RecordsEvents.CLIENT_ID, clientId);
        props.put(RecordsEvents.ACTOR_ID, actor.userId());
        return props;
    }
}
