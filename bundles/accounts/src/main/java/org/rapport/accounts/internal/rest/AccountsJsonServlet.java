package org.rapport.accounts.internal.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import org.rapport.security.Principal;
import org.rapport.web.ApiException;
import org.rapport.web.JsonServlet;

/** Base of the account servlets: path, caller and paging helpers. */
abstract class AccountsJsonServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;

    static String[] path(HttpServletRequest req) {
        String info = req.getPathInfo();
        return info == null ? new String[0] : Arrays.stream(info.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    static long id(String segment, String what) {
        try {
            long id = Long.parseLong(segment);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiException.notFound("No " + what + " '" + (segment.length() > 40 ? segment.substring(0, 40) : segment) + "'");
    }

    static Principal caller(HttpServletRequest req) {
        return org.rapport.security.Access.principal(req).orElseThrow(() -> new ApiException(401, "unauthenticated", "Sign in first"));
    }

    static int limit(HttpServletRequest req, int fallback) {
        String value = req.getParameter("limit");
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Math.max(1, Math.min(500, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Query parameter 'limit' must be a whole number");
        }
    }

    static Long managerFilter(HttpServletRequest req, Principal caller) {
        String value = req.getParameter("manager");
        if (value == null || value.isBlank() || value.equals("all")) {
            return null;
        }
        return value.equals("me") ? caller.userId() : id(value, "manager");
    }
}
