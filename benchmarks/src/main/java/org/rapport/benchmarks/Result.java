package org.rapport.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A scenario's figures (in insertion order) and failed correctness checks, printed as the RESULT line and written as JSON. */
public final class Result {

    private final String scenario;
    private final Map<String, BigDecimal> values = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    public Result(String scenario) {
        this.scenario = scenario;
    }

    /** Records a figure; the key names its unit (e.g. {@code p99_ms}). Rounded to 2 decimals. */
    public Result put(String key, double value) {
        if (!key.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("bad key " + key);
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        values.put(key, rounded.scale() < 0 ? rounded.setScale(0) : rounded);
        return this;
    }

    /** Records a failed correctness check; the scenario then exits non-zero. */
    public void fail(String message) {
        failures.add(message);
        System.out.println("FAILED: " + message);
    }

    /** Fails with {@code message} unless {@code condition}. */
    public void check(boolean condition, String message) {
        if (!condition) {
            fail(message);
        }
    }

    public boolean ok() {
        return failures.isEmpty();
    }

    public List<String> failures() {
        return Collections.unmodifiableList(failures);
    }

    public String scenario() {
        return scenario;
    }

    /** {@code RESULT <scenario> key=value ...} */
    public String line() {
        StringBuilder sb = new StringBuilder("RESULT ").append(scenario);
        values.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v.toPlainString()));
        return sb.toString();
    }

    /** The same figures as JSON: {@code {"scenario": ..., <key>: <number>..., "failures": [...]}}. */
    public String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode node = mapper.createObjectNode();
        node.put("scenario", scenario);
        values.forEach((k, v) -> node.put(k, v));
        node.putPOJO("failures", failures);
        try {
            return mapper.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void writeJson(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(scenario + ".json"), json() + System.lineSeparator());
    }
}
