package org.rapport.configfiles.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Parses one configuration file into typed values: Java properties (strings) or a flat JSON
 * object (strings, numbers, booleans and arrays of them). Placeholders are resolved by the given
 * interpolator.
 */
final class ConfigFileParser {

    /** A file that cannot be used; the message names the place and the reason. */
    static final class InvalidConfigException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidConfigException(String message) {
            super(message);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ConfigFileParser() {
    }

    static Map<String, Object> parse(String content, boolean json, UnaryOperator<String> interpolate) throws InvalidConfigException {
        Map<String, Object> values = json ? parseJson(content) : parseProperties(content);
        Map<String, Object> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            resolved.put(entry.getKey(), resolve(entry.getKey(), entry.getValue(), interpolate));
        }
        return resolved;
    }

    private static Object resolve(String key, Object value, UnaryOperator<String> interpolate) throws InvalidConfigException {
        try {
            if (value instanceof String s) {
                return interpolate.apply(s);
            }
            if (value instanceof String[] array) {
                String[] out = new String[array.length];
                for (int i = 0; i < array.length; i++) {
                    out[i] = interpolate.apply(array[i]);
                }
                return out;
            }
            return value;
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("key '" + key + "': " + e.getMessage());
        }
    }

    private static Map<String, Object> parseProperties(String content) throws InvalidConfigException {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(content));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidConfigException("not a valid properties file: " + e.getMessage());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(k -> values.put(k, properties.getProperty(k).trim()));
        return values;
    }

    private static Map<String, Object> parseJson(String content) throws InvalidConfigException {
        JsonNode root;
        try {
            root = MAPPER.readTree(content);
        } catch (JsonProcessingException e) {
            throw new InvalidConfigException("malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidConfigException("a JSON object of keys and values is expected");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().startsWith(":")) {
                continue; // directives such as ":configurator:resource-version"
            }
            values.put(field.getKey(), scalarOrArray(field.getKey(), field.getValue()));
        }
        return values;
    }

    private static Object scalarOrArray(String key, JsonNode node) throws InvalidConfigException {
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            for (JsonNode item : node) {
                items.add(scalar(key, item));
            }
            return toArray(items);
        }
        return scalar(key, node);
    }

    private static Object scalar(String key, JsonNode node) throws InvalidConfigException {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            if (!node.canConvertToLong()) {
                throw new InvalidConfigException("key '" + key + "': number too large");
            }
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        throw new InvalidConfigException("key '" + key + "': only strings, numbers, booleans and arrays of them are allowed");
    }

    /** An array of one element type keeps its type; a mixed one becomes strings. */
    private static Object toArray(List<Object> items) {
        if (!items.isEmpty() && items.stream().allMatch(Long.class::isInstance)) {
            return items.toArray(new Long[0]);
        }
        if (!items.isEmpty() && items.stream().allMatch(Boolean.class::isInstance)) {
            return items.toArray(new Boolean[0]);
        }
        if (!items.isEmpty() && items.stream().allMatch(Number.class::isInstance)) {
            return items.stream().map(n -> ((Number) n).doubleValue()).toArray(Double[]::new);
        }
        return items.stream().map(String::valueOf).toArray(String[]::new);
    }
}
