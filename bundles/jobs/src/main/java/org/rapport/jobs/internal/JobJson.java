package org.rapport.jobs.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rapport.jobs.JobInfo.JobError;
import org.rapport.web.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON text stored in the {@code job} table's {@code counts}, {@code errors} and
 * {@code result} columns. Reading is lenient: a damaged value reads as empty, never fails a query.
 */
final class JobJson {
    private static final Logger LOG = LoggerFactory.getLogger(JobJson.class);
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    /** The largest result map accepted, as JSON text. */
    static final int MAX_RESULT_CHARS = 64 * 1024;

    private JobJson() {
    }

    static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not writable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A job's result as stored: top-level {@code null} values dropped, the rest checked to be
     * writable as JSON and no larger than {@value #MAX_RESULT_CHARS} characters.
     *
     * @throws IllegalArgumentException when it is not writable or too large
     */
    static Map<String, Object> checkedResult(Map<String, ?> result) {
        Map<String, Object> copy = new LinkedHashMap<>();
        if (result != null) {
            result.forEach((key, value) -> {
                if (key != null && value != null) {
                    copy.put(key, value);
                }
            });
        }
        String json = write(copy);
        if (json.length() > MAX_RESULT_CHARS) {
            throw new IllegalArgumentException("A job result must be at most " + MAX_RESULT_CHARS + " characters as JSON");
        }
        return readResult(json);
    }

    static Map<String, Long> readCounts(String json) {
        Map<String, Long> counts = new LinkedHashMap<>();
        JsonNode node = tree(json);
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getValue().isNumber()) {
                    counts.put(e.getKey(), e.getValue().asLong());
                }
            });
        }
        return counts;
    }

    static List<JobError> readErrors(String json) {
        List<JobError> errors = new ArrayList<>();
        JsonNode node = tree(json);
        if (node != null && node.isArray()) {
            for (JsonNode e : node) {
                JsonNode field = e.get("field");
                errors.add(new JobError(e.path("item").asLong(0),
                        field == null || field.isNull() ? null : field.asText(),
                        e.path("message").asText("")));
            }
        }
        return errors;
    }

    static Map<String, Object> readResult(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Object> map = Json.mapper().readValue(json, OBJECT);
            map.values().removeIf(v -> v == null);
            return map;
        } catch (JsonProcessingException e) {
            LOG.warn("Ignoring a job result that is not a JSON object: {}", e.getOriginalMessage());
            return Map.of();
        }
    }

    private static JsonNode tree(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            LOG.warn("Ignoring a damaged job column: {}", e.getOriginalMessage());
            return null;
        }
    }
}
