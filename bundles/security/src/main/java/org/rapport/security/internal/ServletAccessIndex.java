package org.rapport.security.internal;

import jakarta.servlet.Servlet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;

/**
 * Every whiteboard servlet of the default context with its patterns and access declaration,
 * tracked by service reference (the servlets are never fetched), to tell the filter which
 * declaration governs a path.
 */
@Component(service = ServletAccessIndex.class)
public final class ServletAccessIndex {

    private final Map<ServiceReference<Servlet>, Map<String, AccessRule>> byServlet = new HashMap<>();
    private final Map<ServiceReference<Servlet>, Map<String, AccessRule>> subResources = new HashMap<>();
    private volatile Map<String, AccessRule> byPattern = Map.of();
    private volatile Map<String, AccessRule> bySubPattern = Map.of();

    @Reference(service = Servlet.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            updated = "updatedServlet")
    synchronized void addServlet(ServiceReference<Servlet> ref) {
        byServlet.put(ref, rules(ref));
        subResources.put(ref, subResourceRules(ref));
        rebuild();
    }

    synchronized void updatedServlet(ServiceReference<Servlet> ref) {
        addServlet(ref);
    }

    synchronized void removeServlet(ServiceReference<Servlet> ref) {
        byServlet.remove(ref);
        subResources.remove(ref);
        rebuild();
    }

    /** The servlet pattern that serves a path, with that servlet's declaration. */
    record Match(String pattern, AccessRule rule) {
    }

    /**
     * Which pattern serves {@code path} and what it declares; empty when no servlet serves it. An
     * exact whiteboard pattern wins, then a sub-resource pattern ({@link org.rapport.security.Access#SUBRESOURCE}),
     * then the servlet specification's order.
     */
    Optional<Match> match(String path) {
        Map<String, AccessRule> snapshot = byPattern;
        if (snapshot.containsKey(path)) {
            return Optional.of(new Match(path, snapshot.get(path)));
        }
        Map<String, AccessRule> subSnapshot = bySubPattern;
        Optional<String> sub = SubResourcePattern.match(path, subSnapshot.keySet());
        if (sub.isPresent()) {
            return Optional.of(new Match(sub.get(), subSnapshot.get(sub.get())));
        }
        return PathMatcher.match(path, snapshot.keySet()).map(p -> new Match(p, snapshot.get(p)));
    }

    private static Map<String, AccessRule> subResourceRules(ServiceReference<Servlet> ref) {
        Map<String, AccessRule> rules = new HashMap<>();
        List<String> patterns = patterns(ref.getProperty(org.rapport.security.Access.SUBRESOURCE));
        if (patterns.isEmpty()) {
            return rules;
        }
        Map<String, Object> properties = new HashMap<>();
        for (String key : ref.getPropertyKeys()) {
            properties.put(key, ref.getProperty(key));
        }
        AccessRule rule = AccessRule.of(properties);
        patterns.stream().filter(SubResourcePattern::valid).forEach(p -> rules.put(p, rule));
        return rules;
    }

    private static Map<String, AccessRule> rules(ServiceReference<Servlet> ref) {
        Map<String, AccessRule> rules = new HashMap<>();
        if (!inDefaultContext(ref.getProperty(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT))) {
            return rules;
        }
        Map<String, Object> properties = new HashMap<>();
        for (String key : ref.getPropertyKeys()) {
            properties.put(key, ref.getProperty(key));
        }
        AccessRule rule = AccessRule.of(properties);
        for (String pattern : patterns(ref.getProperty(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN))) {
            rules.put(pattern, rule);
        }
        return rules;
    }

    /** Patterns keep their case (AccessRule.values lower-cases). */
    private static List<String> patterns(Object value) {
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof String[] array) {
            return List.of(array);
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    static boolean inDefaultContext(Object select) {
        return select == null || String.valueOf(select).replace(" ", "")
                .equals("(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "="
                        + HttpWhiteboardConstants.HTTP_WHITEBOARD_DEFAULT_CONTEXT_NAME + ")");
    }

    /** The highest-ranked servlet wins a pattern, as on the whiteboard (ascending order: later puts win). */
    private void rebuild() {
        Map<String, AccessRule> result = new HashMap<>();
        byServlet.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> result.putAll(e.getValue()));
        byPattern = Map.copyOf(result);
        Map<String, AccessRule> sub = new HashMap<>();
        subResources.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> sub.putAll(e.getValue()));
        bySubPattern = Map.copyOf(sub);
    }
}
