package org.rapport.security.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rapport.security.Access;
import org.rapport.security.Audit;

/**
 * A servlet's access declaration, read from its service properties ({@link Access#READ},
 * {@link Access#WRITE}, {@link Access#SCOPE}, {@link Audit#PROPERTY}). Values are lower-cased;
 * WRITE defaults to READ.
 */
record AccessRule(Set<String> read, Set<String> write, String scope, boolean audited) {

    static final AccessRule NONE = new AccessRule(Set.of(), Set.of(), null, false);

    AccessRule {
        read = Set.copyOf(read);
        write = Set.copyOf(write);
    }

    static AccessRule of(Map<String, ?> properties) {
        Set<String> read = values(properties.get(Access.READ));
        Set<String> write = properties.containsKey(Access.WRITE) ? values(properties.get(Access.WRITE)) : read;
        Set<String> scopes = values(properties.get(Access.SCOPE));
        boolean audited = values(properties.get(Audit.PROPERTY)).contains("true")
                || Boolean.TRUE.equals(properties.get(Audit.PROPERTY));
        return new AccessRule(read, write, scopes.isEmpty() ? null : scopes.iterator().next(), audited);
    }

    boolean declared() {
        return !read.isEmpty() || !write.isEmpty();
    }

    /** GET, HEAD and OPTIONS read; every other method changes. */
    static boolean isRead(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    Set<String> allowed(String method) {
        return isRead(method) ? read : write;
    }

    /** A service property value as a set of trimmed, lower-case strings (String, String[] or collection). */
    static Set<String> values(Object value) {
        Set<String> result = new LinkedHashSet<>();
        if (value instanceof String s) {
            add(result, s);
        } else if (value instanceof String[] array) {
            Arrays.stream(array).forEach(s -> add(result, s));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(o -> add(result, String.valueOf(o)));
        }
        return result;
    }

    private static void add(Set<String> result, String value) {
        if (value != null) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    result.add(part.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
    }
}
