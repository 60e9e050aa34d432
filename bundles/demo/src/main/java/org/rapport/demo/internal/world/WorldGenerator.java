package org.rapport.demo.internal.world;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/** Generates a deterministic demo world: same seed, size and today give an equal {@link World}. */
public final class WorldGenerator {

    /** The default number of companies. */
    public static final int DEFAULT_COMPANIES = 300;

    private final UnaryOperator<String> completeCode;

    /**
     * @param completeCode completes a unified social credit code: given its first 17 characters, returns the
     *     18-character code with the GB 32100-2015 check character (in production
     *     {@code org.rapport.records.RegistrationNumbers::complete})
     */
    public WorldGenerator(UnaryOperator<String> completeCode) {
        this.completeCode = Objects.requireNonNull(completeCode, "completeCode");
    }

    /** Shorthand for {@code new WorldGenerator(completeCode).generate(seed, companies, today)}. */
    public static World generate(long seed, int companies, LocalDate today, UnaryOperator<String> completeCode) {
        return new WorldGenerator(completeCode).generate(seed, companies, today);
    }

    /**
     * A world of {@code companies} client companies with a year of activity up to {@code today}.
     *
     * @throws IllegalArgumentException if {@code companies} is below 1
     */
    public World generate(long seed, int companies, LocalDate today) {
        if (companies < 1) {
            throw new IllegalArgumentException("companies must be at least 1: " + companies);
        }
        Objects.requireNonNull(today, "today");
        RandomGenerator rng = new SplittableRandom(seed);
        List<DemoManager> managers = ManagerRoster.managers(companies);
        List<DemoCompany> clients = ManagerRoster.assign(rng, managers,
                new CompanyGenerator(completeCode).generate(rng, companies, today));

        ContactGenerator contactGenerator = new ContactGenerator();
        TransactionGenerator transactionGenerator = new TransactionGenerator();
        InteractionGenerator interactionGenerator = new InteractionGenerator();
        TaskGenerator taskGenerator = new TaskGenerator();
        List<DemoContact> contacts = new ArrayList<>(companies * 3);
        List<DemoTransaction> transactions = new ArrayList<>(companies * 80);
        List<DemoInteraction> interactions = new ArrayList<>(companies * 12);
        List<DemoTask> tasks = new ArrayList<>(companies);
        for (DemoCompany company : clients) {
            List<DemoContact> own = contactGenerator.forCompany(rng, company, contacts.size());
            contacts.addAll(own);
            ActivityCurve curve = ActivityCurve.of(rng, company, today);
            transactions.addAll(transactionGenerator.forCompany(rng, company, curve, today));
            List<DemoInteraction> talks = interactionGenerator.forCompany(rng, company, own, curve, today);
            interactions.addAll(talks);
            tasks.addAll(taskGenerator.forCompany(rng, company, talks, today));
        }
        return new World(today, managers, clients, contacts, transactions, interactions, tasks);
    }
}
