package org.rapport.records.internal.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rapport.web.Json;

/** A record's JSON fields as a mutable map, to add related data to an answer. */
final class JsonMaps {

    private JsonMaps() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> fields(Object value) {
        return new LinkedHashMap<>(Json.mapper().convertValue(value, Map.class));
    }
}
