package org.rapport.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.rapport.web.ApiException;

/** The segments after a servlet's {@code /prefix/*} pattern: {@code /5/password} → [5, password]. */
final class ApiPath {
    private ApiPath() {
    }

    static List<String> segments(HttpServletRequest req) {
        String info = req.getPathInfo();
        if (info == null || info.equals("/") || info.isEmpty()) {
            return List.of();
        }
        String trimmed = info.startsWith("/") ? info.substring(1) : info;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return List.of(trimmed.split("/", -1));
    }

    static long id(String segment) {
        try {
            long id = Long.parseLong(segment);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiException.notFound("No such resource: '" + segment + "'");
    }
}
