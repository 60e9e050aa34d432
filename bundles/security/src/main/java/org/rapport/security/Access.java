package org.rapport.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * How a REST servlet under {@code /api/} declares who may call it, as service properties next
 * to its {@code osgi.http.whiteboard.servlet.pattern}:
 *
 * <pre>
 * &#64;Component(service = Servlet.class, property = {
 *     Access.READ + "=admin", Access.READ + "=auditor",   // GET, HEAD
 *     Access.WRITE + "=admin",                            // POST, PUT, PATCH, DELETE
 *     Access.SCOPE + "=system"})                          // API tokens need scope "system"
 * &#64;HttpWhiteboardServletPattern("/api/v1/system/bundles/*")
 * </pre>
 *
 * <p>Values of {@link #READ} and {@link #WRITE} are role ids ({@link Role#id()}), or
 * {@link #AUTHENTICATED} (any signed-in staff) or {@link #PUBLIC} (no sign-in: login, the chat
 * widget). {@link #WRITE} defaults to {@link #READ}. A servlet under {@code /api/} with neither
 * property is denied to everyone (403) — nothing is open by omission.
 *
 * <p>Anonymous callers of a protected resource get 401, signed-in callers without a fitting role
 * 403. A state-changing request made with a session must carry the session's CSRF token in the
 * {@link #CSRF_HEADER} header (403 otherwise). API tokens ({@code Authorization: Bearer ...})
 * need no CSRF token but need the resource's {@link #SCOPE} (or {@code *}).
 *
 * <p>Inside the servlet, {@link #principal(HttpServletRequest)} tells who is calling (for the
 * audit log).
 *
 * @since 0.1
 */
public final class Access {

    /** Service property: roles that may read (GET, HEAD, OPTIONS). */
    public static final String READ = "rapport.access.read";
    /** Service property: roles that may change (POST, PUT, PATCH, DELETE); defaults to READ. */
    public static final String WRITE = "rapport.access.write";
    /** Service property: the scope an API token needs for this resource. */
    public static final String SCOPE = "rapport.access.scope";

    /**
     * Service property of a <em>sub-resource</em>: a {@code jakarta.servlet.Servlet} service that is
     * not registered on the HTTP whiteboard itself (no whiteboard pattern) but serves paths below
     * another bundle's resource, e.g. {@code /api/v1/contacts/*}{@code /consents}, where each
     * {@code *} stands for exactly one path segment (a servlet pattern cannot say that). The security
     * bundle applies the sub-resource's own {@link #READ} / {@link #WRITE} / {@link #SCOPE} /
     * {@code rapport.audit} declaration to matching paths and hands those requests to it instead of
     * the servlet that owns the prefix. A sub-resource serves only while some servlet (usually the
     * parent resource) serves the prefix.
     */
    public static final String SUBRESOURCE = "rapport.subresource.pattern";

    /** Access value: any signed-in staff member or token. */
    public static final String AUTHENTICATED = "authenticated";
    /** Access value: anyone, signed in or not. */
    public static final String PUBLIC = "public";

    /** Request header carrying the CSRF token on state-changing requests made with a session. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** Request attribute holding the caller's {@link Principal}. */
    public static final String PRINCIPAL_ATTRIBUTE = "org.rapport.security.principal";

    private Access() {
    }

    /** The caller of this request, if signed in. */
    public static Optional<Principal> principal(HttpServletRequest request) {
        Object value = request.getAttribute(PRINCIPAL_ATTRIBUTE);
        return value instanceof Principal p ? Optional.of(p) : Optional.empty();
    }
}
