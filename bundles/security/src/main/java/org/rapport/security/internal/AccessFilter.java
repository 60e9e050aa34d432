package org.rapport.security.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import java.time.Clock;
import org.rapport.security.Access;
import org.rapport.security.Audit;
import org.rapport.security.AuditSink;
import org.rapport.security.internal.AccessDecision.Verdict;
import org.rapport.web.JsonServlet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards {@code /api/*}: authenticates the caller (API token, else session cookie), then applies
 * the access declaration of the servlet that will serve the path. Until the accounts are ready
 * (database migrated) only public resources are served; the rest answer 503. Servlets serving
 * client data ({@link Audit#PROPERTY}) answer 503 while no {@link AuditSink} is there; for the
 * others the filter installs the request's audit recorder (see {@link Audit#record}).
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/api/*")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=default)")
public final class AccessFilter implements Filter {

    private static final String API_PREFIX = "/api/";
    private static final Logger LOG = LoggerFactory.getLogger(AccessFilter.class);

    private final ServletAccessIndex index;
    private final Clock clock;
    private volatile Authenticator authenticator;
    private volatile AuditSink auditSink;

    @Activate
    public AccessFilter(@Reference ServletAccessIndex index) {
        this(index, Clock.systemUTC());
    }

    AccessFilter(ServletAccessIndex index, Clock clock) {
        this.index = index;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setAuditSink(AuditSink sink) {
        this.auditSink = sink;
    }

    void unsetAuditSink(AuditSink sink) {
        if (this.auditSink == sink) {
            this.auditSink = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setAuthenticator(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    void unsetAuthenticator(Authenticator authenticator) {
        if (this.authenticator == authenticator) {
            this.authenticator = null;
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String path = path(req);
        Optional<ServletAccessIndex.Match> match = index.match(path);
        if (match.isEmpty()) {
            chain.doFilter(request, response); // nothing serves it: the whiteboard's 404
            return;
        }
        if (!match.get().rule().declared() && !match.get().pattern().startsWith(API_PREFIX)) {
            // only a catch-all servlet (e.g. the console's "/") would serve it: no API resource here
            JsonServlet.writeError(resp, 404, "not_found", "No API resource at " + path, Map.of());
            return;
        }
        AccessRule rule = match.get().rule();
        Authenticator auth = authenticator;
        Caller caller = null;
        if (auth == null) {
            if (!rule.allowed(req.getMethod()).contains(Access.PUBLIC)) {
                JsonServlet.writeError(resp, 503, "unavailable", "Security is starting; try again shortly", Map.of());
                return;
            }
        } else {
            Authenticator.Result result;
            try {
                result = auth.authenticate(req);
            } catch (RuntimeException e) {
                LOG.warn("Cannot authenticate {} {}: {}", req.getMethod(), path, e.toString());
                JsonServlet.writeError(resp, 503, "unavailable", "Cannot check who is calling right now; try again shortly",
                        Map.of());
                return;
            }
            if (result.invalidToken()) {
                JsonServlet.writeError(resp, 401, "invalid_token", "The API token is not valid (revoked, expired or unknown)",
                        Map.of());
                return;
            }
            caller = result.caller();
        }
        boolean csrfValid = caller != null && Secrets.same(caller.csrfToken(), req.getHeader(Access.CSRF_HEADER));
        Verdict verdict = AccessDecision.decide(rule, req.getMethod(), caller == null ? null : caller.principal(), csrfValid);
        if (verdict != Verdict.ALLOW) {
            JsonServlet.writeError(resp, verdict.status, verdict.code, verdict.message, Map.of());
            return;
        }
        AuditSink sink = auditSink;
        if (rule.audited() && (sink == null || caller == null)) {
            JsonServlet.writeError(resp, 503, "audit_unavailable",
                    "The audit log is not available, so client data cannot be served right now; try again shortly", Map.of());
            return;
        }
        AuditRecorder recorder = null;
        if (caller != null) {
            req.setAttribute(Access.PRINCIPAL_ATTRIBUTE, caller.principal());
            req.setAttribute(Caller.ATTRIBUTE, caller);
            if (sink != null) {
                recorder = new AuditRecorder(sink, caller.principal(), req, clock);
                req.setAttribute(Audit.RECORDER_ATTRIBUTE, recorder);
            }
        }
        chain.doFilter(request, response);
        if (recorder != null && rule.audited() && !recorder.recorded() && resp.getStatus() < 400) {
            try {
                recorder.recordGeneric(req.getMethod(), path);
            } catch (RuntimeException e) {
                LOG.error("Audit entry for {} {} could not be recorded after it was served: {}", req.getMethod(), path, e.toString());
            }
        }
    }

    /** The path inside the context, as the container decoded and normalised it. */
    static String path(HttpServletRequest req) {
        String servletPath = req.getServletPath() == null ? "" : req.getServletPath();
        String pathInfo = req.getPathInfo() == null ? "" : req.getPathInfo();
        String path = servletPath + pathInfo;
        return path.isEmpty() ? "/" : path;
    }
}
