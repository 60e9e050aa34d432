package org.rapport.accounts.internal.engine;

import java.util.List;

/**
 * A client's value score 0-100 with the components it is made of.
 *
 * @param score 0-100
 * @param components one entry per component, in the fixed order size, volume, frequency, tenure, growth
 */
public record ValueScore(int score, List<ScoreComponent> components) {

    public ValueScore {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be within 0-100: " + score);
        }
        components = List.copyOf(components);
    }

    /** The component with this code, or null. */
    public ScoreComponent component(String code) {
        return components.stream().filter(c -> c.code().equals(code)).findFirst().orElse(null);
    }
}
