package org.rapport.campaigns.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rapport.campaigns.Campaign;
import org.rapport.campaigns.Step;

/** The follow-up steps of a series: how many there may be, and their delays (ISO-8601 durations). */
final class Steps {
    static final int MAX_STEPS = 10;
    static final Duration MAX_DELAY = Duration.ofDays(365);

    private Steps() {
    }

    /** Problems of the steps' count and delays, field → message (empty when fine); templates are checked by the renderer. */
    static Map<String, String> check(List<Step> steps, long minDelaySeconds) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (steps == null || steps.isEmpty()) {
            return errors;
        }
        if (steps.size() > MAX_STEPS) {
            errors.put("steps", "at most " + MAX_STEPS + " follow-up steps");
            return errors;
        }
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step == null) {
                errors.put(field(i, "delay"), "a step needs a delay and templates");
                continue;
            }
            Duration delay = parse(step.delay());
            if (delay == null) {
                errors.put(field(i, "delay"), "an ISO-8601 duration is required, e.g. P3D (3 days) or PT12H (12 hours)");
            } else if (delay.getSeconds() < minDelaySeconds) {
                errors.put(field(i, "delay"), "at least " + minDelaySeconds + " seconds");
            } else if (delay.compareTo(MAX_DELAY) > 0) {
                errors.put(field(i, "delay"), "at most 365 days");
            }
        }
        return errors;
    }

    /** The error field of step {@code index} (0-based in the list, i.e. step index + 1), e.g. {@code steps[0].delay}. */
    static String field(int index, String name) {
        return "steps[" + index + "]." + name;
    }

    /** The delay of follow-up step {@code step} (from 1) of a campaign. */
    static Duration delay(Campaign c, int step) {
        Duration d = parse(c.steps().get(step - 1).delay());
        if (d == null) {
            throw new IllegalStateException("Campaign " + c.id() + " step " + step + " has no valid delay");
        }
        return d;
    }

    private static Duration parse(String text) {
        if (text == null || text.isBlank() || text.length() > 40) {
            return null;
        }
        try {
            Duration d = Duration.parse(text.strip());
            return d.isNegative() ? null : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
