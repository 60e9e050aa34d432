package org.rapport.compliance.internal.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import org.rapport.security.Access;
import org.rapport.security.Principal;
import org.rapport.web.ApiException;
import org.rapport.web.JsonServlet;

/** Base of the compliance REST servlets: path segments, the caller, query parameters; bad arguments answer 400. */
abstract class ComplianceServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected ApiException translate(RuntimeException e) {
        if (e instanceof IllegalArgumentException) {
            return ApiException.badRequest(e.getMessage());
        }
        return null;
    }

    /** The whole path inside the context, split on '/', without empty parts (sub-resources see their parent's servlet path). */
    static String[] segments(HttpServletRequest req) {
        String path = (req.getServletPath() == null ? "" : req.getServletPath()) + (req.getPathInfo() == null ? "" : req.getPathInfo());
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    /** The part after {@code prefixLength} segments. */
    static String[] rest(HttpServletRequest req, int prefixLength) {
        String[] all = segments(req);
        return all.length <= prefixLength ? new String[0] : Arrays.copyOfRange(all, prefixLength, all.length);
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
        throw ApiException.notFound("No " + what + " '" + (segment.length() > 40 ? segment.substring(0, 40) + "…" : segment) + "'");
    }

    static Principal caller(HttpServletRequest req) {
        return Access.principal(req).orElseThrow(() -> new ApiException(401, "unauthenticated", "Sign in first"));
    }

    static String text(HttpServletRequest req, String name) {
        String value = req.getParameter(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    static Long optionalId(HttpServletRequest req, String name) {
        String value = text(req, name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Query parameter '" + name + "' must be a whole number");
        }
    }

    static int integer(HttpServletRequest req, String name, int fallback, int min, int max) {
        String value = text(req, name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw ApiException.badRequest("Query parameter '" + name + "' must be between " + min + " and " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Query parameter '" + name + "' must be a whole number");
        }
    }

    /** An instant from an ISO date-time, or a date (its start, UTC; {@code endOfDay} for the next day's start). */
    static Instant instant(HttpServletRequest req, String name, boolean endOfDay) {
        String value = text(req, name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException again) {
                throw ApiException.badRequest("Query parameter '" + name + "' must be a date (2026-11-25) or an ISO instant");
            }
        }
    }

    /** The channel of a request body, or null with a field error noted. */
    static String channel(String value, Map<String, String> errors) {
        try {
            return org.rapport.compliance.Channels.of(value);
        } catch (IllegalArgumentException e) {
            errors.put("channel", "must be email, sms or webchat");
            return null;
        }
    }

    /** The purpose of a request body, or null with a field error noted. */
    static org.rapport.compliance.Purpose purpose(String value, Map<String, String> errors) {
        try {
            return org.rapport.compliance.Purpose.of(value);
        } catch (IllegalArgumentException e) {
            errors.put("purpose", "must be service, care, marketing or internal");
            return null;
        }
    }
}
