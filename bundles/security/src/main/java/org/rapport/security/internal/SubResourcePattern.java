package org.rapport.security.internal;

import java.util.Collection;
import java.util.Optional;

/**
 * Sub-resource patterns ({@link org.rapport.security.Access#SUBRESOURCE}): absolute paths under
 * {@code /api/} whose {@code *} segments each stand for exactly one non-empty path segment, e.g.
 * {@code /api/v1/contacts/*}{@code /consents}. With several matching, the one with the most literal
 * segments wins, then the alphabetically first (deterministic).
 */
final class SubResourcePattern {

    private SubResourcePattern() {
    }

    static boolean valid(String pattern) {
        return pattern.startsWith("/api/") && !pattern.endsWith("/") && !pattern.contains("//") && pattern.contains("/*/")
                && !pattern.endsWith("/*");
    }

    static boolean matches(String pattern, String path) {
        String[] p = pattern.split("/", -1);
        String[] s = path.split("/", -1);
        if (p.length != s.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (p[i].equals("*") ? s[i].isEmpty() : !p[i].equals(s[i])) {
                return false;
            }
        }
        return true;
    }

    static Optional<String> match(String path, Collection<String> patterns) {
        String best = null;
        for (String pattern : patterns) {
            if (matches(pattern, path) && (best == null || literals(pattern) > literals(best)
                    || literals(pattern) == literals(best) && pattern.compareTo(best) < 0)) {
                best = pattern;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int literals(String pattern) {
        int count = 0;
        for (String segment : pattern.split("/")) {
            if (!segment.isEmpty() && !segment.equals("*")) {
                count++;
            }
        }
        return count;
    }
}
