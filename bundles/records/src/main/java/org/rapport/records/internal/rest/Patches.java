package org.rapport.records.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.rapport.web.ApiException;
import org.rapport.web.Json;

/** Partial updates: the fields present in a JSON object laid over the current state. */
final class Patches {

    private Patches() {
    }

    /**
     * Returns {@code current} with the fields of {@code patch} written over it.
     *
     * @param allowed field names a patch may carry
     */
    static <T> T apply(T current, JsonNode patch, Class<T> type, Set<String> allowed) {
        if (patch == null || !patch.isObject()) {
            throw ApiException.badRequest("The request body must be a JSON object");
        }
        ObjectNode merged = Json.mapper().valueToTree(current);
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!allowed.contains(field.getKey())) {
                throw ApiException.badRequest("Unknown field '" + field.getKey() + "'");
            }
            merged.set(field.getKey(), field.getValue());
        }
        try {
            return Json.mapper().treeToValue(merged, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            String message = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m
                    ? m.getOriginalMessage() : e.getMessage();
            throw ApiException.badRequest("Wrong value: " + message);
        }
    }
}
