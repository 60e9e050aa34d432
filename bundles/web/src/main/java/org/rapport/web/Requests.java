package org.rapport.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;

/**
 * Query parameters and path parts of REST requests, with a 400 (or 404 for an id in the path)
 * naming the parameter when a value is malformed.
 *
 * @since 0.1
 */
public final class Requests {

    private Requests() {
    }

    /** A whole-number parameter, or {@code fallback} when it is absent or blank. */
    public static int integer(HttpServletRequest req, String name, int fallback) {
        String value = req.getParameter(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Query parameter '" + name + "' must be a whole number");
        }
    }

    /** A positive id parameter, or {@code null} when it is absent or blank. */
    public static Long optionalId(HttpServletRequest req, String name) {
        String value = req.getParameter(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiException.badRequest("Query parameter '" + name + "' must be a positive whole number");
    }

    /** A text parameter, stripped, or {@code null} when absent or blank. */
    public static String text(HttpServletRequest req, String name) {
        String value = req.getParameter(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** True for {@code ?name}, {@code ?name=true} or {@code ?name=1}. */
    public static boolean flag(HttpServletRequest req, String name) {
        String value = req.getParameter(name);
        return value != null && (value.isEmpty() || value.equalsIgnoreCase("true") || value.equals("1"));
    }

    /** The path after the servlet pattern, split on '/', without empty parts. */
    public static String[] path(HttpServletRequest req) {
        String info = req.getPathInfo();
        if (info == null || info.equals("/")) {
            return new String[0];
        }
        return Arrays.stream(info.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    /** An id from a path segment; 404 naming {@code what} when it is not a positive number. */
    public static long id(String segment, String what) {
        try {
            long id = Long.parseLong(segment);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        String shown = segment.length() > 40 ? segment.substring(0, 40) + "…" : segment;
        throw ApiException.notFound("No " + what + " '" + shown + "'");
    }
}
