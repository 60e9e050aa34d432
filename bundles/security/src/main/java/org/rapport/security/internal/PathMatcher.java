package org.rapport.security.internal;

import java.util.Optional;
import java.util.Set;

/**
 * Finds which servlet pattern serves a path, the way the servlet specification maps requests:
 * an exact pattern first, then the longest {@code /prefix/*}, then {@code *.ext} on the last
 * segment, then the default servlet {@code /}. The context root pattern {@code ""} matches
 * {@code /} exactly.
 */
final class PathMatcher {
    private PathMatcher() {
    }

    /** The pattern among {@code patterns} that serves {@code path}, if any does. */
    static Optional<String> match(String path, Set<String> patterns) {
        if (patterns.contains(path)) {
            return Optional.of(path);
        }
        if ("/".equals(path) && patterns.contains("")) {
            return Optional.of("");
        }
        String bestPrefix = null;
        for (String pattern : patterns) {
            if (pattern.endsWith("/*") && prefixMatches(pattern.substring(0, pattern.length() - 2), path)
                    && (bestPrefix == null || pattern.length() > bestPrefix.length())) {
                bestPrefix = pattern;
            }
        }
        if (bestPrefix != null) {
            return Optional.of(bestPrefix);
        }
        int slash = path.lastIndexOf('/');
        String lastSegment = path.substring(slash + 1);
        int dot = lastSegment.lastIndexOf('.');
        if (dot >= 0) {
            String extension = "*" + lastSegment.substring(dot);
            if (patterns.contains(extension)) {
                return Optional.of(extension);
            }
        }
        return patterns.contains("/") ? Optional.of("/") : Optional.empty();
    }

    /** {@code /a/b/*} serves {@code /a/b} and everything under {@code /a/b/}; {@code /*} serves everything. */
    private static boolean prefixMatches(String prefix, String path) {
        return prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
