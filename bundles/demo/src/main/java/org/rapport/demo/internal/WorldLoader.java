package org.rapport.demo.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rapport.accounts.Accounts;
import org.rapport.accounts.ManagerProfile;
import org.rapport.demo.internal.world.DemoCompany;
import org.rapport.demo.internal.world.DemoContact;
import org.rapport.demo.internal.world.DemoInteraction;
import org.rapport.demo.internal.world.DemoManager;
import org.rapport.demo.internal.world.DemoTask;
import org.rapport.demo.internal.world.DemoTransaction;
import org.rapport.demo.internal.world.World;
import org.rapport.records.Client;
import org.rapport.records.ClientInput;
import org.rapport.records.ClientQuery;
import org.rapport.records.ContactInput;
import org.rapport.records.FollowUpInput;
import org.rapport.records.InteractionInput;
import org.rapport.records.Page;
import org.rapport.records.Records;
import org.rapport.records.Standing;
import org.rapport.records.TransactionInput;
import org.rapport.security.Principal;
import org.rapport.security.Role;
import org.rapport.security.StaffDirectory;
import org.rapport.security.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a generated {@link World} through the records, accounts and staff services: the managers first, then each
 * company with its intended manager, contacts, transactions, interactions and tasks, and last a recomputation of
 * every account so tiers, stages and churn risks are current. Checks for a stop request before every write.
 */
final class WorldLoader {

    private static final Logger LOG = LoggerFactory.getLogger(WorldLoader.class);

    /** The password of the demo managers, as of the other demo users. */
    static final String PASSWORD = "demo";

    private static final Principal ACTOR = Principal.SYSTEM;
    private static final String MANAGER_REASON = "demo world: intended account manager";
    private static final int PAGE = ClientQuery.MAX_SIZE;

    /** Thrown inside the load when a stop was requested; the load ends where it is. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stop requested", null, false, false);
        }
    }

    private final Records records;
    private final Accounts accounts;
    private final StaffDirectory staff;
    private final BooleanSupplier stopRequested;

    /**
     * @param stopRequested asked before every write; when true (or the thread is interrupted) the load throws
     *     {@link Stopped}
     */
    WorldLoader(Records records, Accounts accounts, StaffDirectory staff, BooleanSupplier stopRequested) {
        this.records = records;
        this.accounts = accounts;
        this.staff = staff;
        this.stopRequested = stopRequested;
    }

    /** How many clients the records hold (any: the demo world is loaded only into empty records). */
    long clients() {
        return records.clients(ClientQuery.all(1, 1)).total();
    }

    /**
     * Loads {@code world}, reporting each finished company to {@code progress}.
     *
     * @throws Stopped when a stop was requested; what was written stays
     */
    LoadCounts load(World world, LoadProgress progress) {
        Map<String, StaffMember> managers = managers(world.managers());
        Map<Integer, List<DemoContact>> contacts = byCompany(world.contacts(), DemoContact::companyIndex);
        Map<Integer, List<DemoTransaction>> transactions = byCompany(world.transactions(), DemoTransaction::companyIndex);
        Map<Integer, List<DemoInteraction>> interactions = byCompany(world.interactions(), DemoInteraction::companyIndex);
        Map<Integer, List<DemoTask>> tasks = byCompany(world.tasks(), DemoTask::companyIndex);
        long[] contactIds = new long[world.contacts().size()];
        Map<Long, Long> intendedManagers = new HashMap<>();
        int contactCount = 0;
        int transactionCount = 0;
        int interactionCount = 0;
        int taskCount = 0;
        int companies = 0;
        for (DemoCompany company : world.companies()) {
            int index = company.index();
            StaffMember manager = managers.get(company.managerUsername());
            long clientId = client(company, manager);
            intendedManagers.put(clientId, manager.id());
            for (DemoContact contact : contacts.getOrDefault(index, List.of())) {
                contactIds[contact.index()] = contact(clientId, contact);
                contactCount++;
            }
            transactionCount += transactions(clientId, transactions.getOrDefault(index, List.of()));
            for (DemoInteraction interaction : interactions.getOrDefault(index, List.of())) {
                interaction(clientId, interaction, contactIds[interaction.contactIndex()], managers);
                interactionCount++;
            }
            for (DemoTask task : tasks.getOrDefault(index, List.of())) {
                task(clientId, task, managers);
                taskCount++;
            }
            companies++;
            progress.loaded(companies);
        }
        int fixed = keepIntendedManagers(intendedManagers);
        if (fixed > 0) {
            LOG.info("Demo world: put back the intended manager of {} client(s) that automatic assignment took first",
                    fixed);
        }
        checkStop();
        progress.scoring();
        accounts.recomputeAll();
        return new LoadCounts(managers.size(), companies, contactCount, transactionCount, interactionCount, taskCount);
    }

    /** Creates the managers' staff accounts where missing and saves their profiles. */
    private Map<String, StaffMember> managers(List<DemoManager> roster) {
        Map<String, StaffMember> out = new HashMap<>();
        for (DemoManager manager : roster) {
            checkStop();
            StaffMember member = staff.byUsername(manager.username()).orElseGet(() -> staff.create(manager.username(),
                    manager.displayName(), PASSWORD, Set.of(Role.MANAGER)));
            checkStop();
            accounts.saveManager(member.id(), new ManagerProfile(manager.active(), manager.capacity(),
                    manager.seniority(), Set.copyOf(manager.industries()), Set.copyOf(manager.products())), ACTOR);
            out.put(manager.username(), member);
        }
        return out;
    }

    /** Creates the client and at once sets its intended manager, before automatic assignment picks another. */
    private long client(DemoCompany company, StaffMember manager) {
        checkStop();
        Client client = records.createClient(new ClientInput(company.name(), company.registrationNumber(),
                company.industry(), company.region(), company.annualRevenue(), company.employees(), company.tags(),
                company.status(), company.createdOn()), ACTOR);
        checkStop();
        records.updateStanding(client.id(), new Standing(null, null, manager.id(), null, null), MANAGER_REASON, ACTOR);
        return client.id();
    }

    private long contact(long clientId, DemoContact contact) {
        checkStop();
        return records.addContact(clientId, new ContactInput(contact.name(), contact.title(), List.of(contact.email()),
                List.of(contact.phone()), contact.preferredChannel(), contact.language(), contact.timeZone()), ACTOR)
                .id();
    }

    private int transactions(long clientId, List<DemoTransaction> transactions) {
        if (transactions.isEmpty()) {
            return 0;
        }
        checkStop();
        return records.addTransactions(clientId, transactions.stream()
                .map(t -> new TransactionInput(t.date(), t.amount(), t.currency(), t.product(), t.reference()))
                .toList(), ACTOR);
    }

    private void interaction(long clientId, DemoInteraction interaction, long contactId,
            Map<String, StaffMember> managers) {
        StaffMember member = interaction.staffUsername() == null ? null : managers.get(interaction.staffUsername());
        checkStop();
        records.addInteraction(clientId, new InteractionInput(contactId, interaction.channel(),
                interaction.direction(), interaction.kind(), interaction.summary(), null,
                member == null ? null : member.id(), member == null ? null : member.displayName(),
                interaction.occurredAt()), ACTOR);
    }

    private void task(long clientId, DemoTask task, Map<String, StaffMember> managers) {
        StaffMember owner = managers.get(task.ownerUsername());
        checkStop();
        records.addTask(clientId, new FollowUpInput(null, task.title(), task.dueDate(),
                owner == null ? null : owner.id(), task.status()), ACTOR);
    }

    /**
     * Sets the intended manager again where automatic assignment, racing with the load, took the client first (it
     * reads the client, the load sets the manager, it writes its own choice). Returns how many it put back.
     */
    int keepIntendedManagers(Map<Long, Long> intended) {
        int fixed = 0;
        for (int page = 1;; page++) {
            checkStop();
            Page<Client> clients = records.clients(new ClientQuery(null, null, null, null, null, null, null, null,
                    null, "id", page, PAGE));
            for (Client client : clients.items()) {
                Long manager = intended.get(client.id());
                if (manager != null && !Objects.equals(manager, client.standing().managerId())) {
                    checkStop();
                    records.updateStanding(client.id(), new Standing(null, null, manager, null, null),
                            MANAGER_REASON, ACTOR);
                    fixed++;
                }
            }
            if (clients.items().size() < PAGE) {
                return fixed;
            }
        }
    }

    private void checkStop() {
        if (stopRequested.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new Stopped();
        }
    }

    private static <T> Map<Integer, List<T>> byCompany(List<T> items, Function<T, Integer> company) {
        return items.stream().collect(Collectors.groupingBy(company));
    }
}
