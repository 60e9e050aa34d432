package org.rapport.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultTest {

    @Test
    void lineAndJsonCarryTheSameFigures(@TempDir Path dir) throws Exception {
        Result result = new Result("demo").put("p99_ms", 3.14159).put("lost", 0).put("ratio", 1.5).put("updates", 20);
        assertThat(result.line()).isEqualTo("RESULT demo p99_ms=3.14 lost=0 ratio=1.5 updates=20");

        result.writeJson(dir);
        JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("demo.json")));
        assertThat(json.path("scenario").asText()).isEqualTo("demo");
        assertThat(json.path("p99_ms").asDouble()).isEqualTo(3.14);
        assertThat(json.path("lost").asInt()).isZero();
        assertThat(json.path("updates").isIntegralNumber()).isTrue();
        assertThat(json.path("updates").asInt()).isEqualTo(20);
        assertThat(json.path("failures")).isEmpty();
        assertThat(result.ok()).isTrue();
    }

    @Test
    void failedChecksAreKept() {
        Result result = new Result("demo");
        result.check(true, "fine");
        result.check(false, "broken");
        assertThat(result.ok()).isFalse();
        assertThat(result.failures()).containsExactly("broken");
    }

    @Test
    void keysAreLowerCaseWords() {
        assertThatThrownBy(() -> new Result("demo").put("p99 ms", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentiles() {
        List<Integer> samples = List.of(5, 1, 4, 2, 3);
        assertThat(Stats.median(samples)).isEqualTo(3);
        assertThat(Stats.median(List.of(1, 2, 3, 4))).isEqualTo(2.5);
        assertThat(Stats.percentile(samples, 99)).isEqualTo(5);
        assertThat(Stats.percentile(samples, 20)).isEqualTo(1);
        assertThat(Stats.min(samples)).isEqualTo(1);
        assertThat(Stats.max(samples)).isEqualTo(5);
    }
}
