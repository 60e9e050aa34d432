package org.rapport.demo.internal.world;

import java.time.LocalDate;
import java.util.List;

/** A generated demo world: managers, client companies, contacts and a year of their activity. */
public record World(LocalDate today, List<DemoManager> managers, List<DemoCompany> companies,
        List<DemoContact> contacts, List<DemoTransaction> transactions, List<DemoInteraction> interactions,
        List<DemoTask> tasks) {

    public World {
        managers = List.copyOf(managers);
        companies = List.copyOf(companies);
        contacts = List.copyOf(contacts);
        transactions = List.copyOf(transactions);
        interactions = List.copyOf(interactions);
        tasks = List.copyOf(tasks);
    }

    /** The contacts of one company, the primary one first. */
    public List<DemoContact> contactsOf(int companyIndex) {
        return contacts.stream().filter(c -> c.companyIndex() == companyIndex).toList();
    }

    /** The transactions of one company, oldest first. */
    public List<DemoTransaction> transactionsOf(int companyIndex) {
        return transactions.stream().filter(t -> t.companyIndex() == companyIndex).toList();
    }

    /** The interactions of one company, oldest first. */
    public List<DemoInteraction> interactionsOf(int companyIndex) {
        return interactions.stream().filter(i -> i.companyIndex() == companyIndex).toList();
    }
}
