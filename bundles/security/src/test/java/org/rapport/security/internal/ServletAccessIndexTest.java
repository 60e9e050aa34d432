package org.rapport.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Servlet;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.rapport.security.Access;

class ServletAccessIndexTest {
    private static long nextId = 1;

    /** A service reference with these properties, ordered by ranking then id like the framework's. */
    @SuppressWarnings("unchecked")
    private static ServiceReference<Servlet> servlet(int ranking, Object pattern, String... keyValues) {
        Map<String, Object> props = new HashMap<>();
        props.put("service.id", nextId++);
        props.put("service.ranking", ranking);
        if (pattern != null) {
            props.put("osgi.http.whiteboard.servlet.pattern", pattern);
        }
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return (ServiceReference<Servlet>) Proxy.newProxyInstance(ServletAccessIndexTest.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> props.get((String) args[0]);
                    case "getPropertyKeys" -> props.keySet().toArray(new String[0]);
                    case "compareTo" -> {
                        ServiceReference<?> other = (ServiceReference<?>) args[0];
                        int byRanking = Integer.compare(ranking, (Integer) other.getProperty("service.ranking"));
                        yield byRanking != 0 ? byRanking
                                : Long.compare((Long) other.getProperty("service.id"), (Long) props.get("service.id"));
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "ref" + props;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void findsTheDeclarationOfTheServletServingAPath() {
        ServletAccessIndex index = new ServletAccessIndex();
        index.addServlet(servlet(0, new String[] {"/api/v1/users", "/api/v1/users/*"}, Access.READ, "admin"));
        index.addServlet(servlet(0, "/", "x", "y"));
        assertThat(index.match("/api/v1/users/5")).hasValueSatisfying(m -> {
            assertThat(m.pattern()).isEqualTo("/api/v1/users/*");
            assertThat(m.rule().read()).containsExactly("admin");
        });
        assertThat(index.match("/api/v1/other")).hasValueSatisfying(m -> {
            assertThat(m.pattern()).isEqualTo("/");
            assertThat(m.rule().declared()).isFalse();
        });
    }

    @Test
    void theHighestRankedServletWinsAPattern_andRemovalRestoresTheOther() {
        ServletAccessIndex index = new ServletAccessIndex();
        ServiceReference<Servlet> low = servlet(0, "/api/x", Access.READ, "agent");
        ServiceReference<Servlet> high = servlet(10, "/api/x", Access.READ, "admin");
        index.addServlet(high);
        index.addServlet(low);
        assertThat(index.match("/api/x").orElseThrow().rule().read()).containsExactly("admin");
        index.removeServlet(high);
        assertThat(index.match("/api/x").orElseThrow().rule().read()).containsExactly("agent");
        index.removeServlet(low);
        assertThat(index.match("/api/x")).isEmpty();
    }

    @Test
    void servletsOfOtherContextsAreIgnored() {
        ServletAccessIndex index = new ServletAccessIndex();
        index.addServlet(servlet(0, "/api/y", "osgi.http.whiteboard.context.select", "(osgi.http.whiteboard.context.name=other)"));
        assertThat(index.match("/api/y")).isEmpty();
        assertThat(ServletAccessIndex.inDefaultContext("(osgi.http.whiteboard.context.name=default)")).isTrue();
        assertThat(ServletAccessIndex.inDefaultContext(null)).isTrue();
    }

    @Test
    void aSubResourceGovernsItsPathsBelowTheParentsPrefix() {
        ServletAccessIndex index = new ServletAccessIndex();
        index.addServlet(servlet(0, new String[] {"/api/v1/contacts", "/api/v1/contacts/*"}, Access.READ, "authenticated"));
        ServiceReference<Servlet> consents = servlet(0, null, Access.SUBRESOURCE, "/api/v1/contacts/*/consents", Access.READ, "admin",
                "rapport.audit", "true");
        index.addServlet(consents);
        index.addServlet(servlet(0, null, Access.SUBRESOURCE, "not/a/valid/pattern", Access.READ, "public"));
        assertThat(index.match("/api/v1/contacts/42/consents")).hasValueSatisfying(m -> {
            assertThat(m.pattern()).isEqualTo("/api/v1/contacts/*/consents");
            assertThat(m.rule().read()).containsExactly("admin");
            assertThat(m.rule().audited()).isTrue();
        });
        assertThat(index.match("/api/v1/contacts/42").orElseThrow().pattern()).isEqualTo("/api/v1/contacts/*");
        assertThat(index.match("/api/v1/contacts/42/consents/x").orElseThrow().pattern()).isEqualTo("/api/v1/contacts/*");
        assertThat(index.match("/api/v1/contacts//consents").orElseThrow().pattern()).isEqualTo("/api/v1/contacts/*");
        index.removeServlet(consents);
        assertThat(index.match("/api/v1/contacts/42/consents").orElseThrow().pattern()).isEqualTo("/api/v1/contacts/*");
    }

    @Test
    void subResourcePatterns() {
        assertThat(SubResourcePattern.valid("/api/v1/contacts/*/consents")).isTrue();
        assertThat(SubResourcePattern.valid("/api/v1/contacts/*")).isFalse();
        assertThat(SubResourcePattern.valid("/other/*/x")).isFalse();
        assertThat(SubResourcePattern.match("/api/v1/a/1/b/2/c", java.util.List.of("/api/v1/a/*/b/*/c", "/api/v1/*/1/b/*/c")))
                .contains("/api/v1/*/1/b/*/c");
        assertThat(SubResourcePattern.match("/api/v1/a/1/b", java.util.List.of("/api/v1/a/*/b/*/c"))).isEmpty();
    }
}
