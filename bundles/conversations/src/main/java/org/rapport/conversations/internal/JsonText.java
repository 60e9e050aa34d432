package org.rapport.conversations.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;
import org.rapport.conversations.Message;
import org.rapport.conversations.channel.Attachment;
import org.rapport.web.Json;

/** The JSON columns of messages (sources, attachments, flags) written and read. */
final class JsonText {

    private static final TypeReference<List<Message.Source>> SOURCES = new TypeReference<>() {};
    private static final TypeReference<List<Attachment>> ATTACHMENTS = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> FLAGS = new TypeReference<>() {};

    private JsonText() {
    }

    static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static List<Message.Source> sources(String json) {
        return read(json, SOURCES, List.of());
    }

    static List<Attachment> attachments(String json) {
        return read(json, ATTACHMENTS, List.of());
    }

    static Map<String, String> flags(String json) {
        return read(json, FLAGS, Map.of());
    }

    private static <T> T read(String json, TypeReference<T> type, T empty) {
        if (json == null || json.isBlank()) {
            return empty;
        }
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            return empty;
        }
    }
}
