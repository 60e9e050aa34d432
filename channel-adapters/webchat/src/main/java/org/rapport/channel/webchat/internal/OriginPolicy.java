package org.rapport.channel.webchat.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Which web pages may open a chat: the server's own origin, the configured ones, or any ({@code *}).
 * A request without an {@code Origin} header does not come from a browser page (a browser always
 * sends one on a WebSocket upgrade), so it cannot be a cross-site hijack and is let through.
 */
final class OriginPolicy {

    private OriginPolicy() {
    }

    /**
     * @param origin the {@code Origin} header, or {@code null}
     * @param host the {@code Host} header of the request (the server's own address as the browser saw it)
     * @param allowed the configured origins
     */
    static boolean allows(String origin, String host, Set<String> allowed) {
        if (origin == null || origin.isBlank()) {
            return true;
        }
        String o = origin.strip().toLowerCase(Locale.ROOT);
        if (allowed.contains("*") || allowed.contains(o)) {
            return true;
        }
        if ("null".equals(o) || host == null) {
            return false;
        }
        try {
            URI uri = URI.create(o);
            String authority = uri.getRawAuthority();
            return authority != null && authority.equals(host.strip().toLowerCase(Locale.ROOT))
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
