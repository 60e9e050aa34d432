package org.rapport.security.internal;

import jakarta.servlet.Servlet;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.osgi.framework.ServiceReference;

/** Fills a {@link ServletAccessIndex} with fake servlet registrations (pattern + properties). */
final class ServletAccessIndexTestSupport {
    private final ServletAccessIndex index = new ServletAccessIndex();
    private long nextId = 1;

    @SuppressWarnings("unchecked")
    void declare(String pattern, Map<String, Object> access) {
        Map<String, Object> props = new HashMap<>(access);
        props.put("osgi.http.whiteboard.servlet.pattern", pattern);
        long id = nextId++;
        props.put("service.id", id);
        index.addServlet((ServiceReference<Servlet>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getProperty" -> props.get((String) args[0]);
                    case "getPropertyKeys" -> props.keySet().toArray(new String[0]);
                    case "compareTo" -> Long.compare((Long) ((ServiceReference<?>) args[0]).getProperty("service.id"), id);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                }));
    }

    ServletAccessIndex index() {
        return index;
    }
}
