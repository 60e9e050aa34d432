package org.rapport.metrics.internal;

import io.micrometer.core.instrument.Timer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/** Times every HTTP request as {@code http.server.requests} by method, status and route. */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/*")
public final class HttpMetricsFilter implements Filter {

    private final MeterRegistryHolder holder;

    @Activate
    public HttpMetricsFilter(@Reference MeterRegistryHolder holder) {
        this.holder = holder;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (request instanceof HttpServletRequest req && response instanceof HttpServletResponse resp) {
                Timer.builder("http.server.requests")
                        .description("HTTP requests served")
                        .tags("method", req.getMethod(), "status", Integer.toString(resp.getStatus()), "route", Routes.of(req.getRequestURI()))
                        .register(holder.registry())
                        .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        }
    }
}
