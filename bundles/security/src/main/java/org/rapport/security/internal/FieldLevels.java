package org.rapport.security.internal;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rapport.security.Role;
import org.rapport.security.Sensitivity;

/** The parsed field-sensitivity configuration: levels per field and clearances per role. */
record FieldLevels(Map<String, Sensitivity> fields, Map<Role, Sensitivity> clearances, Sensitivity defaultLevel) {

    FieldLevels {
        fields = Map.copyOf(fields);
        clearances = Map.copyOf(clearances);
    }

    /**
     * Parses the configuration; every entry that cannot be used is added to {@code problems}
     * and skipped (an unknown level for a field makes it {@link Sensitivity#RESTRICTED}: a typo
     * never shows a value whole). A role without a clearance gets {@link Sensitivity#PUBLIC}.
     */
    static FieldLevels parse(FieldsConfig config, List<String> problems) {
        Map<String, Sensitivity> fields = new LinkedHashMap<>();
        for (String entry : config.fields()) {
            String[] kv = split(entry);
            if (kv == null || !kv[0].contains(".")) {
                problems.add("field level '" + entry + "' is not entity.field=level");
                continue;
            }
            Sensitivity level = Sensitivity.of(kv[1]).orElse(null);
            if (level == null) {
                problems.add("field " + kv[0] + ": unknown level '" + kv[1] + "', treated as restricted");
                level = Sensitivity.RESTRICTED;
            }
            fields.put(kv[0].toLowerCase(Locale.ROOT), level);
        }
        Map<Role, Sensitivity> clearances = new EnumMap<>(Role.class);
        for (String entry : config.clearances()) {
            String[] kv = split(entry);
            Role role = kv == null ? null : Role.of(kv[0]).orElse(null);
            Sensitivity level = kv == null ? null : Sensitivity.of(kv[1]).orElse(null);
            if (role == null || level == null) {
                problems.add("clearance '" + entry + "' is not role=level with a known role and level");
                continue;
            }
            clearances.put(role, level);
        }
        Sensitivity defaultLevel = Sensitivity.of(config.defaultLevel()).orElseGet(() -> {
            problems.add("unknown default level '" + config.defaultLevel() + "', using restricted");
            return Sensitivity.RESTRICTED;
        });
        return new FieldLevels(fields, clearances, defaultLevel);
    }

    Sensitivity level(String entity, String field) {
        Sensitivity level = fields.get((entity + "." + field).toLowerCase(Locale.ROOT));
        return level == null ? defaultLevel : level;
    }

    Sensitivity clearance(Iterable<Role> roles) {
        Sensitivity best = Sensitivity.PUBLIC;
        for (Role role : roles) {
            Sensitivity level = clearances.getOrDefault(role, Sensitivity.PUBLIC);
            if (level.compareTo(best) > 0) {
                best = level;
            }
        }
        return best;
    }

    private static String[] split(String entry) {
        int eq = entry == null ? -1 : entry.indexOf('=');
        if (eq <= 0 || eq == entry.length() - 1) {
            return null;
        }
        return new String[] {entry.substring(0, eq).trim(), entry.substring(eq + 1).trim()};
    }
}
