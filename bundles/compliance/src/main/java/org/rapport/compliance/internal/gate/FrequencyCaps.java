package org.rapport.compliance.internal.gate;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rapport.compliance.Purpose;

/** At most N allowed messages per window, per contact and purpose: parsed from {@code care=4/30d,marketing=2/7d}. */
final class FrequencyCaps {
    private static final Pattern ITEM = Pattern.compile("\\s*([a-zA-Z]+)\\s*=\\s*(\\d{1,6})\\s*/\\s*(\\d{1,5})\\s*([dh])\\s*");

    /** One cap. */
    record Cap(int max, Duration window) {
        String describe() {
            long hours = window.toHours();
            return max + " per " + (hours % 24 == 0 ? hours / 24 + " days" : hours + " hours");
        }
    }

    private final Map<Purpose, Cap> caps;

    private FrequencyCaps(Map<Purpose, Cap> caps) {
        this.caps = caps;
    }

    static FrequencyCaps parse(String text) {
        Map<Purpose, Cap> caps = new EnumMap<>(Purpose.class);
        if (text != null && !text.isBlank()) {
            for (String item : text.split(",")) {
                Matcher m = ITEM.matcher(item);
                if (!m.matches()) {
                    throw new IllegalArgumentException("A frequency cap must look like marketing=2/7d, not '" + item.strip() + "'");
                }
                Purpose purpose = Purpose.of(m.group(1));
                long amount = Long.parseLong(m.group(3));
                if (amount == 0) {
                    throw new IllegalArgumentException("The window of the " + purpose.id() + " cap must be longer than 0");
                }
                caps.put(purpose, new Cap(Integer.parseInt(m.group(2)), m.group(4).equals("d") ? Duration.ofDays(amount) : Duration.ofHours(amount)));
            }
        }
        return new FrequencyCaps(caps);
    }

    Optional<Cap> of(Purpose purpose) {
        return Optional.ofNullable(caps.get(purpose));
    }
}
