package org.rapport.education.internal.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.rapport.education.Article;
import org.rapport.security.Access;
import org.rapport.security.Principal;
import org.rapport.web.ApiException;

/** Query parameters and path parts of the articles REST, with 400s for malformed values. */
final class Params {

    private Params() {
    }

    static String[] path(HttpServletRequest req) {
        String info = req.getPathInfo();
        if (info == null || info.equals("/")) {
            return new String[0];
        }
        return Arrays.stream(info.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
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
        throw ApiException.notFound("No article '" + cut(segment) + "'");
    }

    static String text(HttpServletRequest req, String name) {
        String value = req.getParameter(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    static int integer(HttpServletRequest req, String name, int fallback) {
        String value = text(req, name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Query parameter '" + name + "' must be a whole number");
        }
    }

    static String language(HttpServletRequest req) {
        String value = text(req, "language");
        if (value != null && !value.equalsIgnoreCase("zh") && !value.equalsIgnoreCase("en")) {
            throw ApiException.invalid(Map.of("language", "must be zh or en"));
        }
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    static String state(HttpServletRequest req) {
        String value = text(req, "state");
        if (value != null && !value.equalsIgnoreCase(Article.DRAFT) && !value.equalsIgnoreCase(Article.PUBLISHED)) {
            throw ApiException.invalid(Map.of("state", "must be draft or published"));
        }
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    static Principal principal(HttpServletRequest req) {
        return Access.principal(req).orElseThrow(() -> new ApiException(401, "unauthenticated", "Sign in first"));
    }

    static String cut(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
