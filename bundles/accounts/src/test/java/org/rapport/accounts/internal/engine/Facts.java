package org.rapport.accounts.internal.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/** Test builder for {@link ClientFacts}, starting from a client created on 2020-01-01 that never transacted. */
final class Facts {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

    private long clientId = 1;
    private String industry = "manufacturing";
    private String region = "east";
    private BigDecimal annualRevenue;
    private Integer employees;
    private LocalDate createdOn = LocalDate.of(2020, 1, 1);
    private LocalDate firstTransactionOn;
    private LocalDate lastTransactionOn;
    private LocalDate lastInteractionOn;
    private int txCount12m;
    private BigDecimal txVolume12m = BigDecimal.ZERO;
    private int txCountPrev12m;
    private BigDecimal txVolumePrev12m = BigDecimal.ZERO;
    private int txCount90d;
    private int txCountPrev90d;
    private int complaints90d;
    private int complaints365d;
    private Double surveyScore;
    private Set<String> products = Set.of();
    private String currentTier;
    private String currentStage;
    private Long managerId;

    static Facts client() {
        return new Facts();
    }

    /** A steady client: created 2020, first transaction 2020-02-01, monthly business, last transaction 10 days ago. */
    static Facts steadyClient() {
        return new Facts().revenue(200_000_000).employees(800)
                .firstTx(LocalDate.of(2020, 2, 1)).lastTx(TODAY.minusDays(10))
                .tx12m(12, 20_000_000).txPrev12m(12, 20_000_000).tx90d(3, 3);
    }

    Facts id(long id) {
        this.clientId = id;
        return this;
    }

    Facts industry(String value) {
        this.industry = value;
        return this;
    }

    Facts revenue(double value) {
        this.annualRevenue = BigDecimal.valueOf(value);
        return this;
    }

    Facts noRevenue() {
        this.annualRevenue = null;
        return this;
    }

    Facts employees(Integer value) {
        this.employees = value;
        return this;
    }

    Facts created(LocalDate value) {
        this.createdOn = value;
        return this;
    }

    Facts firstTx(LocalDate value) {
        this.firstTransactionOn = value;
        return this;
    }

    Facts lastTx(LocalDate value) {
        this.lastTransactionOn = value;
        return this;
    }

    Facts lastInteraction(LocalDate value) {
        this.lastInteractionOn = value;
        return this;
    }

    Facts tx12m(int count, double volume) {
        this.txCount12m = count;
        this.txVolume12m = BigDecimal.valueOf(volume);
        return this;
    }

    Facts txPrev12m(int count, double volume) {
        this.txCountPrev12m = count;
        this.txVolumePrev12m = BigDecimal.valueOf(volume);
        return this;
    }

    Facts tx90d(int now, int before) {
        this.txCount90d = now;
        this.txCountPrev90d = before;
        return this;
    }

    Facts complaints(int in90d, int in365d) {
        this.complaints90d = in90d;
        this.complaints365d = in365d;
        return this;
    }

    Facts survey(Double value) {
        this.surveyScore = value;
        return this;
    }

    Facts products(String... values) {
        this.products = Set.of(values);
        return this;
    }

    Facts tier(String value) {
        this.currentTier = value;
        return this;
    }

    Facts stage(String value) {
        this.currentStage = value;
        return this;
    }

    Facts manager(Long value) {
        this.managerId = value;
        return this;
    }

    ClientFacts build() {
        return new ClientFacts(clientId, industry, region, annualRevenue, employees, createdOn, firstTransactionOn,
                lastTransactionOn, lastInteractionOn, txCount12m, txVolume12m, txCountPrev12m, txVolumePrev12m,
                txCount90d, txCountPrev90d, complaints90d, complaints365d, surveyScore, products, currentTier,
                currentStage, managerId);
    }
}
