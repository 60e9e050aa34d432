package org.rapport.demo.internal.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RegistrationCodesTest {

    @Test
    void organisationCodeCheckFollowsGb11714() {
        assertThat(RegistrationCodes.orgCodeCheck("D2143569")).isEqualTo('X');
        assertThat(RegistrationCodes.orgCodeCheck("00000000")).isEqualTo('0');
    }

    @Test
    void creditCodeStartsWithEnterpriseTypeAndDistrictAndEndsWithACheckedOrgCode() {
        SplittableRandom rng = new SplittableRandom(1);
        Regions.City suzhou = Regions.byId("jiangsu").cities().get(0);
        for (int i = 0; i < 200; i++) {
            String first17 = RegistrationCodes.creditCodeFirst17(rng, suzhou);
            assertThat(first17).hasSize(17).startsWith("91").matches("[0-9A-HJ-NPQRTUWXY]{17}");
            assertThat(suzhou.districtCodes()).contains(first17.substring(2, 8));
            assertThat(first17.charAt(16)).isEqualTo(RegistrationCodes.orgCodeCheck(first17.substring(8, 16)));
        }
    }

    @Test
    void theCompletionFunctionDecidesTheLastCharacter() {
        World world = WorldGenerator.generate(1, 40, TestWorlds.TODAY, first17 -> first17 + "Q");
        assertThat(world.companies()).filteredOn(c -> c.country().equals("CN"))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.registrationNumber()).hasSize(18).endsWith("Q"));
    }
}
