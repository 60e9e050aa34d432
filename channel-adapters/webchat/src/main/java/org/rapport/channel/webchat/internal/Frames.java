package org.rapport.channel.webchat.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** Reading and writing the JSON frames of the chat protocol (see the bundle's README). */
final class Frames {

    static final ObjectMapper JSON = new ObjectMapper();

    private Frames() {
    }

    /** A client frame: an object with a textual {@code type}; anything else is empty. */
    static Optional<JsonNode> parse(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() && node.path("type").isTextual() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    static ObjectNode of(String type) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", type);
        return n;
    }

    static String error(String code, String message) {
        return text(of("error").put("code", code).put("message", message));
    }

    static String event(ChatSession.Event e) {
        ObjectNode n = of(e.type()).put("seq", e.seq()).put("at", e.at());
        if (e.messageId() != null) {
            n.put("messageId", e.messageId());
        }
        if (e.from() != null) {
            n.put("from", e.from());
        }
        if (e.name() != null) {
            n.put("name", e.name());
        }
        if (e.text() != null) {
            n.put("text", e.text());
        }
        return text(n);
    }

    static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A short textual field, or {@code null} when absent, not text, or longer than {@code max}. */
    static String string(JsonNode frame, String field, int max) {
        JsonNode v = frame.get(field);
        return v != null && v.isTextual() && v.asText().length() <= max ? v.asText() : null;
    }
}
