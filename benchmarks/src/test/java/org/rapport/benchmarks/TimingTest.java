package org.rapport.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimingTest {

    @Test
    void ratesBetweenTheNearestPolls() {
        // polls: {seconds since the POST, rows seen}
        ProductImport.Timing timing = new ProductImport.Timing(0L, 0.1, 4, 3.9, null,
                List.of(new double[] {0, 0}, new double[] {1, 1000}, new double[] {2, 1000}, new double[] {3, 3000},
                        new double[] {4, 4000}));
        assertThat(timing.rate(4000, 0, 0.25)).isEqualTo(1000.0);
        // 2500 rows: from the last poll at or below (2 s, 1000) to the first at or above (3 s, 3000)
        assertThat(timing.rate(4000, 0.5, 0.625)).isEqualTo(2000.0);
        assertThat(timing.rate(4000, 0.9, 1.0)).isEqualTo(1000.0);
        assertThat(timing.rate(8000, 0.9, 1.0)).isEqualTo(-1.0);
    }
}
