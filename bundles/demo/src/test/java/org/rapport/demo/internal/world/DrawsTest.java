package org.rapport.demo.internal.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DrawsTest {

    @Test
    void quotasAreExactAndShuffled() {
        List<String> laidOut = Draws.quotas(new SplittableRandom(3), 50, List.of("zh", "en"), new double[] {0.7, 0.3});
        assertThat(laidOut).hasSize(50);
        assertThat(Collections.frequency(laidOut, "zh")).isEqualTo(35);
        assertThat(laidOut.subList(0, 35)).contains("en");
    }

    @Test
    void poissonHasTheRequestedMean() {
        SplittableRandom rng = new SplittableRandom(4);
        for (double mean : new double[] {0.3, 4, 50}) {
            double sum = 0;
            for (int i = 0; i < 20_000; i++) {
                sum += Draws.poisson(rng, mean);
            }
            assertThat(sum / 20_000).isCloseTo(mean, withinPercentage(5));
        }
    }
}
