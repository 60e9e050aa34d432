package org.rapport.security.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.rapport.security.Access;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes requests to sub-resources ({@link Access#SUBRESOURCE}): after the access filter has let a
 * request through (this filter ranks below it), a path matching a sub-resource pattern is served
 * by that servlet instead of the servlet owning the prefix. Sub-resources are initialised on first
 * use with this context and destroyed when they go.
 */
@Component(service = Filter.class, property = Constants.SERVICE_RANKING + ":Integer=-100")
@HttpWhiteboardFilterPattern("/api/*")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=default)")
public final class SubResourceFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(SubResourceFilter.class);

    /** A bound sub-resource and whether it has been initialised. */
    private static final class Entry {
        final Servlet servlet;
        final List<String> patterns;
        volatile boolean initialised;

        Entry(Servlet servlet, List<String> patterns) {
            this.servlet = servlet;
            this.patterns = patterns;
        }
    }

    private final Map<Servlet, Entry> entries = new ConcurrentHashMap<>();
    private volatile ServletContext context;

    @Reference(service = Servlet.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + Access.SUBRESOURCE + "=*)")
    void addSubResource(Servlet servlet, Map<String, Object> properties) {
        List<String> patterns = rawPatterns(properties.get(Access.SUBRESOURCE)).stream().filter(SubResourcePattern::valid).toList();
        entries.put(servlet, new Entry(servlet, patterns));
    }

    void removeSubResource(Servlet servlet) {
        Entry entry = entries.remove(servlet);
        if (entry != null && entry.initialised) {
            try {
                entry.servlet.destroy();
            } catch (RuntimeException e) {
                LOG.warn("A sub-resource failed to stop: {}", e.toString());
            }
        }
    }

    private static List<String> rawPatterns(Object value) {
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof String[] array) {
            return List.of(array);
        }
        if (value instanceof java.util.Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    @Override
    public void init(FilterConfig config) {
        context = config.getServletContext();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        String path = AccessFilter.path((HttpServletRequest) request);
        Optional<Entry> target = find(path);
        if (target.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Entry entry = target.get();
        initialise(entry);
        entry.servlet.service(request, response);
    }

    private Optional<Entry> find(String path) {
        Map<String, Entry> byPattern = new java.util.HashMap<>();
        for (Entry entry : entries.values()) {
            entry.patterns.forEach(p -> byPattern.putIfAbsent(p, entry));
        }
        return SubResourcePattern.match(path, byPattern.keySet()).map(byPattern::get);
    }

    private void initialise(Entry entry) throws ServletException {
        if (entry.initialised) {
            return;
        }
        synchronized (entry) {
            if (!entry.initialised) {
                ServletContext ctx = context;
                entry.servlet.init(new ServletConfig() {
                    @Override
                    public String getServletName() {
                        return entry.servlet.getClass().getName();
                    }

                    @Override
                    public ServletContext getServletContext() {
                        return ctx;
                    }

                    @Override
                    public String getInitParameter(String name) {
                        return null;
                    }

                    @Override
                    public Enumeration<String> getInitParameterNames() {
                        return Collections.emptyEnumeration();
                    }
                });
                entry.initialised = true;
            }
        }
    }

    @Override
    public void destroy() {
        context = null;
    }
}
