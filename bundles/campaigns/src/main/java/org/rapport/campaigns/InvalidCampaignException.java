package org.rapport.campaigns;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Invalid campaign, segment or template input; one message per field (a template error names its
 * line, e.g. {@code templates.zh.body}: {@code line 3: unknown variable 'contact.nmae'}). REST answers 400.
 *
 * @since 0.1
 */
public class InvalidCampaignException extends IllegalArgumentException implements org.rapport.web.ApiProblem {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> fields;

    public InvalidCampaignException(Map<String, String> fields) {
        super(summary(fields));
        this.fields = Map.copyOf(new LinkedHashMap<>(fields));
    }

    public InvalidCampaignException(String field, String message) {
        this(Map.of(field, message));
    }

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
        fields.forEach((field, message) -> text.append(field).append(": ").append(message).append("; "));
        return text.substring(0, text.length() - 2);
    }
}
