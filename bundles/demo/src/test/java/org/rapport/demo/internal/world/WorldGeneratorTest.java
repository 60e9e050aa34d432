package org.rapport.demo.internal.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorldGeneratorTest {

    private static final Pattern EMAIL = Pattern.compile(
            "^[a-z0-9]+([._-][a-z0-9]+)*@[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+$");

    @Test
    void sameSeedAndDayGiveAnEqualWorld() {
        World first = WorldGenerator.generate(11, 120, TestWorlds.TODAY, TestWorlds.COMPLETE);
        World second = new WorldGenerator(TestWorlds.COMPLETE).generate(11, 120, TestWorlds.TODAY);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void anotherSeedGivesAnotherWorld() {
        World first = TestWorlds.world(11, 120);
        World other = TestWorlds.world(12, 120);
        assertThat(other.companies()).isNotEqualTo(first.companies());
        assertThat(other.transactions().size()).isNotEqualTo(first.transactions().size());
    }

    @ParameterizedTest
    @ValueSource(ints = {50, 300, 2000})
    void worldsOfEverySizeHoldTogether(int size) {
        World world = TestWorlds.world(3, size);

        assertThat(world.managers()).hasSize(12);
        assertThat(world.companies()).hasSize(size);
        assertThat(world.companies()).extracting(DemoCompany::name).doesNotHaveDuplicates();
        assertThat(world.companies()).extracting(DemoCompany::domain).doesNotHaveDuplicates();
        for (int i = 0; i < size; i++) {
            assertThat(world.companies().get(i).index()).isEqualTo(i);
        }
        int[] contactsPerCompany = new int[size];
        for (int i = 0; i < world.contacts().size(); i++) {
            DemoContact contact = world.contacts().get(i);
            assertThat(contact.index()).isEqualTo(i);
            contactsPerCompany[contact.companyIndex()]++;
        }
        assertThat(IntStream.of(contactsPerCompany).boxed().toList()).allSatisfy(n -> assertThat(n).isBetween(1, 4));
        assertThat(world.contacts()).extracting(DemoContact::email).doesNotHaveDuplicates();
        assertThat(world.contacts()).extracting(DemoContact::phone).doesNotHaveDuplicates();
        assertThat(world.transactions()).extracting(DemoTransaction::reference).doesNotHaveDuplicates();
        assertThat(world.transactions()).allSatisfy(t -> assertThat(t.date())
                .isBetween(TestWorlds.TODAY.minusDays(365), TestWorlds.TODAY));
        assertThat(world.interactions()).allSatisfy(i -> assertThat(i.occurredAt())
                .isBefore(TestWorlds.TODAY.atStartOfDay().toInstant(ZoneOffset.ofHours(14)))
                .isAfter(TestWorlds.TODAY.minusDays(366).atStartOfDay().toInstant(ZoneOffset.UTC)));
        assertThat(world.transactions().size()).isBetween(size * 30, size * 130);
    }

    @Test
    void managerCapacityCoversAboutOnePointThreeTimesTheCompanies() {
        for (int size : new int[] {50, 300, 2000}) {
            World world = TestWorlds.world(3, size);
            int capacity = world.managers().stream().filter(DemoManager::active).mapToInt(DemoManager::capacity).sum();
            assertThat(capacity).isGreaterThanOrEqualTo(size).isBetween((int) (1.3 * size), (int) (1.3 * size) + 24);
            for (DemoManager manager : world.managers()) {
                long load = world.companies().stream()
                        .filter(c -> c.managerUsername().equals(manager.username())).count();
                assertThat(load).as(manager.username()).isLessThanOrEqualTo(manager.capacity());
            }
        }
    }

    @Test
    void defaultWorldHasTheExpectedScale() {
        World world = TestWorlds.standard();
        assertThat(world.transactions().size()).isBetween(15_000, 40_000);
        assertThat(world.contacts().size()).isBetween(450, 900);
        assertThat(world.interactions().size()).isBetween(1_500, 5_000);
        assertThat(world.tasks().size()).isBetween(150, 600);
        assertThat(world.managers()).extracting(DemoManager::capacity).allSatisfy(c -> assertThat(c).isBetween(20, 45));
    }

    @Test
    void emailsAreValidAsciiOnExampleDomains() {
        World world = TestWorlds.world(3, 2000);
        assertThat(world.contacts()).allSatisfy(c -> {
            assertThat(c.email()).matches(EMAIL);
            assertThat(c.email()).endsWith("@" + world.companies().get(c.companyIndex()).domain());
            assertThat(c.email().substring(c.email().indexOf('@') + 1)).containsPattern("\\.example\\.[a-z.]+$");
        });
        assertThat(world.managers()).allSatisfy(m -> assertThat(m.email()).matches(EMAIL).endsWith(".example.com"));
    }

    @Test
    void phonesFollowTheCompanysCountry() {
        World world = TestWorlds.standard();
        assertThat(world.contacts()).allSatisfy(c -> {
            String country = world.companies().get(c.companyIndex()).country();
            String expected = switch (country) {
                case "CN" -> "\\+861[3-9]\\d{9}";
                case "HK" -> "\\+852[569]\\d{7}";
                case "SG" -> "\\+65[89]\\d{7}";
                case "GB" -> "\\+447\\d{9}";
                default -> "\\+491[5-7]\\d{9}";
            };
            assertThat(c.phone()).matches(expected);
        });
    }

    @Test
    void aboutSeventyPercentChineseAndThirtyPercentEnglish() {
        for (int size : new int[] {50, 300, 2000}) {
            World world = TestWorlds.world(3, size);
            double zhCompanies = world.companies().stream().filter(c -> c.language().equals("zh")).count()
                    / (double) size;
            double zhContacts = world.contacts().stream().filter(c -> c.language().equals("zh")).count()
                    / (double) world.contacts().size();
            assertThat(zhCompanies).isBetween(0.68, 0.72);
            assertThat(zhContacts).isBetween(0.6, 0.8);
        }
    }

    @Test
    void contactsMatchTheirCompanysLanguageAndRegion() {
        World world = TestWorlds.standard();
        Set<String> zones = new HashSet<>();
        for (DemoContact contact : world.contacts()) {
            DemoCompany company = world.companies().get(contact.companyIndex());
            assertThat(contact.language()).isEqualTo(company.language());
            assertThat(contact.timeZone()).isEqualTo(Regions.byId(company.region()).zoneId());
            assertThat(contact.preferredChannel()).isIn("email", "sms", "webchat", "phone");
            if (contact.language().equals("zh")) {
                assertThat(contact.name()).matches("\\p{IsHan}{2,3}");
            } else {
                assertThat(contact.name()).matches("[A-Z][a-z]+ [A-Z][a-z]+");
            }
            zones.add(contact.timeZone());
        }
        assertThat(zones).containsExactlyInAnyOrder("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Singapore",
                "Europe/London", "Europe/Berlin");
        assertThat(world.contacts()).filteredOn(DemoContact::primary).hasSize(world.companies().size());
    }

    @Test
    void companiesLookBelievable() {
        World world = TestWorlds.standard();
        Set<String> industries = new HashSet<>();
        Set<String> regions = new HashSet<>();
        for (DemoCompany c : world.companies()) {
            if (c.language().equals("zh")) {
                assertThat(c.name()).matches("\\p{IsHan}+(有限公司|股份有限公司|集团有限公司)");
            } else {
                assertThat(c.name()).matches("[A-Z][A-Za-z]+( [A-Z][A-Za-z]+)+ .*"
                        + "(Limited|Ltd\\.?|plc|GmbH|AG|Co\\., Ltd\\.)");
            }
            assertThat(c.annualRevenue().doubleValue()).isBetween(2e6, 5e9);
            assertThat(c.annualRevenue().scale()).isEqualTo(2);
            assertThat(c.employees()).isPositive();
            assertThat(c.createdOn()).isBetween(TestWorlds.TODAY.minusYears(10).minusDays(1), TestWorlds.TODAY);
            assertThat(c.status()).isIn("active", "inactive");
            assertThat(c.products()).isNotEmpty().isSubsetOf(Catalog.PRODUCTS);
            industries.add(c.industry());
            regions.add(c.region());
        }
        assertThat(industries).containsExactlyInAnyOrderElementsOf(Catalog.INDUSTRIES);
        assertThat(regions).hasSize(Regions.ALL.size());
        assertThat(world.companies()).filteredOn(c -> c.status().equals("inactive")).hasSizeBetween(1, 30);
        assertThat(world.companies()).flatExtracting(DemoCompany::tags)
                .contains("外贸", "export", "高新技术", "listed", "SME", "战略客户");
        double[] revenues = world.companies().stream().mapToDouble(c -> c.annualRevenue().doubleValue()).sorted()
                .toArray();
        assertThat(revenues[revenues.length / 2]).as("median revenue").isBetween(2e7, 1.5e8);
        assertThat(revenues[revenues.length - 1]).as("largest").isGreaterThan(1e9);
    }

    @Test
    void registrationNumbersFollowEachJurisdiction() {
        World world = TestWorlds.world(3, 2000);
        List<String> numbers = world.companies().stream().map(DemoCompany::registrationNumber)
                .filter(n -> n != null).toList();
        assertThat(numbers).doesNotHaveDuplicates();
        for (DemoCompany c : world.companies()) {
            String number = c.registrationNumber();
            switch (c.country()) {
                case "CN" -> assertThat(number).matches("91\\d{6}[0-9A-HJ-NPQRTUWXY]{9}Y");
                case "HK" -> assertThat(number).satisfiesAnyOf(n -> assertThat(n).isNull(),
                        n -> assertThat(n).matches("\\d{7}"));
                case "SG" -> assertThat(number).satisfiesAnyOf(n -> assertThat(n).isNull(),
                        n -> assertThat(n).matches("(19|20)\\d{7}[A-Z]"));
                case "GB" -> assertThat(number).satisfiesAnyOf(n -> assertThat(n).isNull(),
                        n -> assertThat(n).matches("0\\d{7}"));
                default -> assertThat(number).satisfiesAnyOf(n -> assertThat(n).isNull(),
                        n -> assertThat(n).matches("HRB \\d{5}"));
            }
        }
    }

    @Test
    void transactionsHaveSensibleAmountsCurrenciesAndProducts() {
        World world = TestWorlds.standard();
        long cny = 0;
        for (DemoTransaction t : world.transactions()) {
            assertThat(t.amount().scale()).isEqualTo(2);
            assertThat(t.amount().signum()).isPositive();
            assertThat(t.currency()).isIn("CNY", "USD", "HKD", "EUR", "SGD");
            assertThat(world.companies().get(t.companyIndex()).products()).contains(t.product());
            cny += t.currency().equals("CNY") ? 1 : 0;
        }
        assertThat(cny).isGreaterThan(world.transactions().size() / 2);
        assertThat(world.transactions()).extracting(DemoTransaction::product)
                .containsAll(Catalog.PRODUCTS);
    }

    @Test
    void rejectsAnEmptyWorld() {
        assertThatThrownBy(() -> WorldGenerator.generate(1, 0, LocalDate.of(2025, 1, 1), TestWorlds.COMPLETE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatesThreeHundredCompaniesInUnderASecond() {
        WorldGenerator generator = new WorldGenerator(TestWorlds.COMPLETE);
        generator.generate(99, 50, TestWorlds.TODAY); // class loading and a first JIT pass
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            generator.generate(100 + run, 300, TestWorlds.TODAY);
            best = Math.min(best, System.nanoTime() - start);
        }
        assertThat(best / 1_000_000).as("milliseconds").isLessThan(1_000);
    }
}
