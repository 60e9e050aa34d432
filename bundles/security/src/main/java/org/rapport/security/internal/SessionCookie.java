package org.rapport.security.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The {@code RAPPORT_SESSION} cookie: HttpOnly, SameSite=Lax, Path=/, Secure per policy. */
final class SessionCookie {
    static final String NAME = "RAPPORT_SESSION";

    private SessionCookie() {
    }

    static String read(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** A browser-session cookie: the server ends the session after the idle timeout. */
    static void set(HttpServletRequest req, HttpServletResponse resp, String sessionId, String securePolicy) {
        resp.addHeader("Set-Cookie", header(sessionId, -1, secure(req, securePolicy)));
    }

    static void clear(HttpServletRequest req, HttpServletResponse resp, String securePolicy) {
        resp.addHeader("Set-Cookie", header("", 0, secure(req, securePolicy)));
    }

    /** The Set-Cookie value; a negative {@code maxAgeSeconds} sets no Max-Age. */
    static String header(String value, long maxAgeSeconds, boolean secure) {
        return NAME + "=" + value + "; Path=/" + (maxAgeSeconds >= 0 ? "; Max-Age=" + maxAgeSeconds : "")
                + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }

    /** {@code auto}: when the request came over HTTPS, directly or through a proxy saying so. */
    static boolean secure(HttpServletRequest req, String policy) {
        return switch (policy == null ? "auto" : policy) {
            case "always" -> true;
            case "never" -> false;
            default -> req.isSecure() || "https".equalsIgnoreCase(req.getHeader("X-Forwarded-Proto"));
        };
    }
}
