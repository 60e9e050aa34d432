package org.rapport.security.internal;

import org.rapport.security.Principal;

/**
 * An authenticated caller of one request: the principal, and for a session its id and CSRF
 * token (both null for an API token).
 */
record Caller(Principal principal, String sessionId, String csrfToken) {

    /** Request attribute under which the filter leaves the caller for this bundle's servlets. */
    static final String ATTRIBUTE = "org.rapport.security.internal.caller";
}
