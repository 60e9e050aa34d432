package org.rapport.web;

import java.util.Map;

/**
 * A failure reported to an API caller as {@code {"error": code, "message": text, ...details}}
 * with the given HTTP status. Throw it from a {@link JsonServlet} handler.
 *
 * @since 0.1
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient Map<String, Object> details;

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public ApiException(int status, String code, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    /** 400 with per-field errors, e.g. {@code {"name": "must not be empty"}}. */
    public static ApiException invalid(Map<String, String> fieldErrors) {
        return new ApiException(400, "invalid", "Some fields are not valid", Map.of("fields", fieldErrors));
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
