package org.rapport.console.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * One configurable component's metatype (an OCD) as JSON for the form, and the conversion of
 * submitted form values to typed configuration values with per-field errors.
 */
final class ConfigSchema {

    private final ObjectClassDefinition ocd;
    private final List<AttributeDefinition> attributes;
    private final Set<String> required;

    ConfigSchema(ObjectClassDefinition ocd) {
        this.ocd = ocd;
        AttributeDefinition[] all = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        this.attributes = all == null ? List.of() : List.of(all);
        AttributeDefinition[] req = ocd.getAttributeDefinitions(ObjectClassDefinition.REQUIRED);
        this.required = req == null ? Set.of() : java.util.Arrays.stream(req).map(AttributeDefinition::getID)
                .collect(java.util.stream.Collectors.toSet());
    }

    String name() {
        return ocd.getName();
    }

    String description() {
        return ocd.getDescription();
    }

    boolean isPassword(String id) {
        return attributes.stream().anyMatch(a -> a.getID().equals(id) && a.getType() == AttributeDefinition.PASSWORD);
    }

    List<Map<String, Object>> attributesJson() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (AttributeDefinition ad : attributes) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", ad.getID());
            json.put("name", ad.getName() == null ? ad.getID() : ad.getName());
            json.put("description", ad.getDescription());
            json.put("type", typeName(ad.getType()));
            json.put("cardinality", ad.getCardinality());
            json.put("required", required.contains(ad.getID()));
            json.put("default", ad.getType() == AttributeDefinition.PASSWORD ? null : defaults(ad));
            List<Map<String, String>> options = new ArrayList<>();
            String[] values = ad.getOptionValues();
            String[] labels = ad.getOptionLabels();
            for (int i = 0; values != null && i < values.length; i++) {
                options.add(Map.of("value", values[i], "label", labels != null && i < labels.length ? labels[i] : values[i]));
            }
            json.put("options", options);
            list.add(json);
        }
        return list;
    }

    private static Object defaults(AttributeDefinition ad) {
        String[] values = ad.getDefaultValue();
        if (values == null) {
            return null;
        }
        return ad.getCardinality() == 0 ? (values.length == 0 ? null : values[0]) : List.of(values);
    }

    /**
     * Converts the submitted values (strings, numbers, booleans, arrays of them) to the attribute
     * types; collects one message per bad field into {@code errors}. Absent password fields are
     * left out (the caller keeps the stored secret).
     */
    Map<String, Object> convert(Map<String, Object> submitted, Map<String, String> errors) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : submitted.keySet()) {
            if (attributes.stream().noneMatch(a -> a.getID().equals(key))) {
                errors.put(key, "unknown setting");
            }
        }
        for (AttributeDefinition ad : attributes) {
            Object raw = submitted.get(ad.getID());
            boolean empty = raw == null || (raw instanceof String s && s.isEmpty()) || (raw instanceof List<?> l && l.isEmpty());
            if (empty) {
                if (required.contains(ad.getID()) && ad.getType() != AttributeDefinition.PASSWORD && ad.getDefaultValue() == null) {
                    errors.put(ad.getID(), "is required");
                }
                continue;
            }
            try {
                out.put(ad.getID(), ad.getCardinality() == 0 ? scalar(ad, raw) : list(ad, raw));
            } catch (IllegalArgumentException e) {
                errors.put(ad.getID(), e.getMessage());
            }
        }
        return out;
    }

    private static List<Object> list(AttributeDefinition ad, Object raw) {
        List<?> items = raw instanceof List<?> l ? l : List.of(raw.toString().split("\\s*,\\s*"));
        int max = Math.abs(ad.getCardinality());
        if (max != Integer.MAX_VALUE && items.size() > max) {
            throw new IllegalArgumentException("at most " + max + " values");
        }
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            out.add(scalar(ad, item));
        }
        return out;
    }

    private static Object scalar(AttributeDefinition ad, Object raw) {
        if (raw instanceof Map<?, ?> || raw instanceof List<?>) {
            throw new IllegalArgumentException("a single value is expected");
        }
        String text = raw.toString().trim();
        Object value;
        try {
            value = switch (ad.getType()) {
                case AttributeDefinition.LONG, AttributeDefinition.INTEGER, AttributeDefinition.SHORT, AttributeDefinition.BYTE -> Long.parseLong(text);
                case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> Double.parseDouble(text);
                case AttributeDefinition.BOOLEAN -> bool(text);
                case AttributeDefinition.CHARACTER -> character(text);
                default -> raw.toString();
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a number");
        }
        String[] options = ad.getOptionValues();
        if (options != null && options.length > 0 && !List.of(options).contains(text)) {
            throw new IllegalArgumentException("must be one of " + String.join(", ", options));
        }
        String problem = ad.validate(text);
        if (problem != null && !problem.isEmpty()) {
            throw new IllegalArgumentException(problem);
        }
        return value;
    }

    private static Boolean bool(String text) {
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.valueOf(text);
        }
        throw new IllegalArgumentException("must be true or false");
    }

    private static String character(String text) {
        if (text.length() != 1) {
            throw new IllegalArgumentException("must be a single character");
        }
        return text;
    }

    static String typeName(int type) {
        return switch (type) {
            case AttributeDefinition.LONG, AttributeDefinition.INTEGER, AttributeDefinition.SHORT, AttributeDefinition.BYTE -> "integer";
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> "number";
            case AttributeDefinition.BOOLEAN -> "boolean";
            case AttributeDefinition.PASSWORD -> "password";
            case AttributeDefinition.CHARACTER -> "char";
            default -> "string";
        };
    }
}
