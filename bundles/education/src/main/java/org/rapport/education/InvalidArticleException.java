package org.rapport.education;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thrown when input for an article is invalid; carries one message per field. REST answers it
 * with 400 and the fields.
 *
 * @since 0.1
 */
public class InvalidArticleException extends IllegalArgumentException implements org.rapport.web.ApiProblem {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> fields;

    public InvalidArticleException(Map<String, String> fields) {
        super(summary(fields));
        this.fields = Map.copyOf(new LinkedHashMap<>(fields));
    }

    public InvalidArticleException(String field, String message) {
        this(Map.of(field, message));
    }

    /** Field name → what is wrong with it. */
    public Map<String, String> fields() {
        return fields;
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String code() {
        return "invalid";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("fields", new LinkedHashMap<>(fields));
    }

    private static String summary(Map<String, String> fields) {
        StringBuilder text = new StringBuilder("Invalid input: ");
        fields.forEach((field, message) -> text.append(field).append(' ').append(message).append("; "));
        return text.substring(0, text.length() - 2);
    }
}
