package org.rapport.demo.internal.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ArchetypePatternsTest {

    private static final LocalDate TODAY = TestWorlds.TODAY;

    private final World world = TestWorlds.world(5, 600);

    @Test
    void everyArchetypeIsThereInProportion() {
        Map<Archetype, Long> counts = world.companies().stream()
                .collect(Collectors.groupingBy(DemoCompany::archetype, Collectors.counting()));
        assertThat(counts).containsOnlyKeys(Archetype.values());
        assertThat(counts.get(Archetype.STABLE)).isBetween(150L, 260L);
        assertThat(TestWorlds.world(3, 50).companies()).extracting(DemoCompany::archetype)
                .contains(Archetype.values());
    }

    @Test
    void prospectsHaveNoTransactionsButAreTalkedTo() {
        for (DemoCompany prospect : of(Archetype.PROSPECT)) {
            assertThat(world.transactionsOf(prospect.index())).isEmpty();
            assertThat(world.interactionsOf(prospect.index())).isNotEmpty()
                    .noneMatch(i -> i.kind().equals("complaint"));
        }
    }

    @Test
    void dormantCompaniesHaveNoTransactionsInTheLastFourMonths() {
        int withEarlierActivity = 0;
        for (DemoCompany dormant : of(Archetype.DORMANT)) {
            List<DemoTransaction> transactions = world.transactionsOf(dormant.index());
            assertThat(transactions).allSatisfy(t -> assertThat(t.date()).isBefore(TODAY.minusDays(120)));
            withEarlierActivity += transactions.isEmpty() ? 0 : 1;
            assertThat(world.interactionsOf(dormant.index()))
                    .filteredOn(i -> i.occurredAt().isAfter(TODAY.minusDays(120).atStartOfDay().toInstant(
                            ZoneOffset.UTC)))
                    .allSatisfy(i -> assertThat(i.direction()).isEqualTo("outbound"));
        }
        assertThat(withEarlierActivity).isGreaterThan(of(Archetype.DORMANT).size() * 9 / 10);
    }

    @Test
    void newCompaniesOnlyTradeRecently() {
        for (DemoCompany company : of(Archetype.NEW)) {
            assertThat(company.createdOn()).isAfter(TODAY.minusDays(180));
            assertThat(world.transactionsOf(company.index()))
                    .allSatisfy(t -> assertThat(t.date()).isAfter(TODAY.minusDays(180))
                            .isAfterOrEqualTo(company.createdOn().minusDays(1)));
        }
    }

    @Test
    void wonBackCompaniesHadAGapAndAreBack() {
        int back = 0;
        for (DemoCompany company : of(Archetype.WON_BACK)) {
            List<LocalDate> dates = world.transactionsOf(company.index()).stream().map(DemoTransaction::date).toList();
            long longestGap = 0;
            LocalDate previous = TODAY.minusDays(365);
            for (LocalDate date : dates) {
                longestGap = Math.max(longestGap, ChronoUnit.DAYS.between(previous, date));
                previous = date;
            }
            assertThat(longestGap).as(company.name()).isGreaterThanOrEqualTo(90);
            back += dates.stream().anyMatch(d -> d.isAfter(TODAY.minusDays(90))) ? 1 : 0;
        }
        assertThat(back).isGreaterThanOrEqualTo(of(Archetype.WON_BACK).size() * 7 / 10);
    }

    @Test
    void decliningCompaniesTradeLessAndGrowingOnesMore() {
        assertThat(secondHalfOverFirstHalf(Archetype.DECLINING)).isLessThan(0.6);
        assertThat(secondHalfOverFirstHalf(Archetype.GROWING)).isGreaterThan(1.5);
        assertThat(secondHalfOverFirstHalf(Archetype.STABLE)).isBetween(0.8, 1.25);
    }

    @Test
    void unhappyCompaniesComplainMore() {
        double usual = Math.max(complaintShare(Archetype.STABLE), complaintShare(Archetype.GROWING));
        assertThat(usual).isLessThan(0.06);
        assertThat(complaintShare(Archetype.DECLINING)).isGreaterThan(0.1).isGreaterThan(3 * usual);
        assertThat(complaintShare(Archetype.DORMANT)).isGreaterThan(2 * usual);
        assertThat(complaintShare(Archetype.WON_BACK)).isGreaterThan(2 * usual);
    }

    private double secondHalfOverFirstHalf(Archetype archetype) {
        LocalDate middle = TODAY.minusDays(182);
        long first = 0;
        long second = 0;
        for (DemoCompany company : of(archetype)) {
            for (DemoTransaction t : world.transactionsOf(company.index())) {
                if (t.date().isBefore(middle)) {
                    first++;
                } else {
                    second++;
                }
            }
        }
        return second / (double) first;
    }

    private double complaintShare(Archetype archetype) {
        List<DemoInteraction> interactions = of(archetype).stream()
                .flatMap(c -> world.interactionsOf(c.index()).stream()).toList();
        return interactions.stream().filter(i -> i.kind().equals("complaint")).count()
                / (double) interactions.size();
    }

    private List<DemoCompany> of(Archetype archetype) {
        return world.companies().stream().filter(c -> c.archetype() == archetype).toList();
    }
}
