package org.rapport.web;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by a feature's own exceptions (e.g. a validation exception of its API) that stand
 * for a client error: a {@link JsonServlet} answers them with their status, code, message and
 * details instead of a 500, without each servlet mapping them.
 *
 * @since 0.1
 */
@ConsumerType
public interface ApiProblem {

    /** The HTTP status, 4xx. */
    int status();

    /** A short machine code, e.g. {@code invalid} or {@code not_found}. */
    String code();

    /** Extra members of the error body, e.g. {@code fields}. */
    default Map<String, Object> details() {
        return Map.of();
    }
}
