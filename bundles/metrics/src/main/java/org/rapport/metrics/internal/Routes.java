package org.rapport.metrics.internal;

/**
 * Reduces a request path to a route with few distinct values for the {@code route} tag: ids and
 * other variable segments are cut off ({@code /api/v1/clients/42} is {@code /api/v1/clients}).
 */
final class Routes {

    private Routes() {
    }

    static String of(String uri) {
        if (uri == null || uri.isEmpty() || uri.equals("/")) {
            return "/";
        }
        String[] segments = uri.split("/");
        int keep = uri.startsWith("/api/") ? 4 : 2; // "", "api", "v1", "resource" / "", "first"
        StringBuilder route = new StringBuilder();
        for (int i = 1; i < Math.min(keep, segments.length); i++) {
            String segment = segments[i];
            if (segment.isEmpty() || !segment.matches("[A-Za-z][A-Za-z0-9._-]{0,40}")) {
                break;
            }
            route.append('/').append(segment);
        }
        return route.length() == 0 ? "/other" : route.toString();
    }
}
