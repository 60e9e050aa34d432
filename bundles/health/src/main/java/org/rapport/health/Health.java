package org.rapport.health;

import java.util.List;
import java.util.Map;

/**
 * The answer of a {@link HealthCheck}: a status, a one-line message and optional problems and
 * details.
 *
 * @since 0.1
 */
public record Health(Status status, String message, List<String> problems, Map<String, Object> details) {

    /** How healthy an aspect is. */
    public enum Status {
        UP, DEGRADED, DOWN
    }

    public Health {
        problems = List.copyOf(problems);
        details = Map.copyOf(details);
    }

    public static Health up(String message) {
        return new Health(Status.UP, message, List.of(), Map.of());
    }

    public static Health degraded(String message, List<String> problems) {
        return new Health(Status.DEGRADED, message, problems, Map.of());
    }

    public static Health down(String message, List<String> problems) {
        return new Health(Status.DOWN, message, problems, Map.of());
    }

    public Health withDetails(Map<String, Object> more) {
        return new Health(status, message, problems, more);
    }
}
