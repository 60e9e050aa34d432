package org.rapport.records.internal.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.rapport.security.Principal;
import org.rapport.web.ApiException;

/** Query parameters and path parts of REST requests, with 400s for malformed values. */
final class Params {

    private Params() {
    }

    static int integer(HttpServletRequest req, String name, int fallback) {
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

    static Integer optionalInteger(HttpServletRequest req, String name) {
        String value = req.getParameter(name);
        return value == null || value.isBlank() ? null : integer(req, name, 0);
    }

    static String text(HttpServletRequest req, String name) {
        String value = req.getParameter(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    static boolean flag(HttpServletRequest req, String name) {
        String value = req.getParameter(name);
        return value != null && (value.isEmpty() || value.equalsIgnoreCase("true") || value.equals("1"));
    }

    /** Comma-separated or repeated values. */
    static Set<String> set(HttpServletRequest req, String name) {
        Set<String> values = new LinkedHashSet<>();
        String[] given = req.getParameterValues(name);
        if (given != null) {
            for (String value : given) {
                Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(values::add);
            }
        }
        return values;
    }

    /** An id from a path segment. */
    static long id(String segment, String what) {
        try {
            long id = Long.parseLong(segment);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiException.notFound("No " + what + " '" + cut(segment) + "'");
    }

    /** The path after the servlet pattern, split on '/', without empty parts. */
    static String[] path(HttpServletRequest req) {
        String info = req.getPathInfo();
        if (info == null || info.equals("/")) {
            return new String[0];
        }
        return Arrays.stream(info.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    static Principal principal(HttpServletRequest req) {
        return org.rapport.security.Access.principal(req)
                .orElseThrow(() -> new ApiException(401, "unauthenticated", "Sign in first"));
    }

    /** The client list filters, sorting and paging of a request (shared by the list and the export). */
    static org.rapport.records.ClientQuery query(HttpServletRequest req, Principal caller) {
        String manager = text(req, "manager");
        Long managerId = null;
        if (manager != null) {
            managerId = switch (manager) {
                case "me" -> caller.userId();
                case "none" -> 0L;
                default -> id(manager, "manager");
            };
        }
        return new org.rapport.records.ClientQuery(text(req, "q"), set(req, "tier"), set(req, "stage"), managerId,
                optionalInteger(req, "minRisk"), text(req, "region"), text(req, "industry"), text(req, "status"), text(req, "tag"),
                text(req, "sort"), integer(req, "page", 1), integer(req, "size", 50));
    }

    private static String cut(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
