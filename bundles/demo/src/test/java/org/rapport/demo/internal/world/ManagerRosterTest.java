package org.rapport.demo.internal.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ManagerRosterTest {

    @Test
    void twelveManagersMostlyChineseWithThreeSeniors() {
        List<DemoManager> managers = ManagerRoster.managers(300);
        assertThat(managers).hasSize(12);
        assertThat(managers).extracting(DemoManager::username).doesNotHaveDuplicates()
                .allSatisfy(u -> assertThat(u).matches("[a-z]+\\.[a-z]+"));
        assertThat(managers).filteredOn(m -> m.displayName().matches("\\p{IsHan}+")).hasSizeGreaterThan(6);
        assertThat(managers).filteredOn(m -> m.seniority() == 3).hasSize(3);
        assertThat(managers).allSatisfy(m -> {
            assertThat(m.seniority()).isBetween(1, 3);
            assertThat(m.industries()).isNotEmpty().isSubsetOf(Catalog.INDUSTRIES);
            assertThat(m.products()).isNotEmpty().isSubsetOf(Catalog.PRODUCTS);
            assertThat(m.active()).isTrue();
        });
    }

    @Test
    void capacityScalesWithTheCompanyCount() {
        assertThat(total(ManagerRoster.managers(50))).isBetween(65, 80);
        assertThat(total(ManagerRoster.managers(300))).isBetween(390, 405);
        assertThat(total(ManagerRoster.managers(2000))).isBetween(2600, 2615);
    }

    @Test
    void seniorsGetTheBiggestCompaniesAndEnglishSpeakersTheEnglishOnes() {
        World world = TestWorlds.standard();
        assertThat(averageRevenue(world, 3)).isGreaterThan(2 * averageRevenue(world, 2));
        assertThat(averageRevenue(world, 2)).isGreaterThan(averageRevenue(world, 1));
        for (DemoCompany company : world.companies()) {
            DemoManager manager = world.managers().stream()
                    .filter(m -> m.username().equals(company.managerUsername())).findFirst().orElseThrow();
            assertThat(manager.speaks(company.language())).as(company.name()).isTrue();
        }
    }

    private static int total(List<DemoManager> managers) {
        return managers.stream().mapToInt(DemoManager::capacity).sum();
    }

    private static double averageRevenue(World world, int seniority) {
        OptionalDouble average = world.companies().stream()
                .filter(c -> world.managers().stream().anyMatch(
                        m -> m.username().equals(c.managerUsername()) && m.seniority() == seniority))
                .mapToDouble(c -> c.annualRevenue().doubleValue()).average();
        return average.orElseThrow();
    }
}
