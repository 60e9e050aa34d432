package org.rapport.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.rapport.security.Audit;
import org.rapport.security.AuditEvent;
import org.rapport.security.AuditSink;
import org.rapport.security.Principal;

/**
 * The recorder the access filter puts into a request (see {@link Audit#record}): turns a servlet's
 * {@link Audit.Entry} into an {@link AuditEvent} with who, from where and which request, and
 * hands it to the sink.
 */
final class AuditRecorder implements Consumer<Audit.Entry> {

    private final AuditSink sink;
    private final Principal actor;
    private final String remoteAddress;
    private final String request;
    private final Clock clock;
    private volatile boolean recorded;

    AuditRecorder(AuditSink sink, Principal actor, HttpServletRequest req, Clock clock) {
        this.sink = sink;
        this.actor = actor;
        this.remoteAddress = req.getRemoteAddr();
        String query = req.getQueryString();
        this.request = req.getMethod() + " " + req.getRequestURI() + (query == null ? "" : "?" + query);
        this.clock = clock;
    }

    @Override
    public void accept(Audit.Entry entry) {
        sink.record(new AuditEvent(clock.instant(), actor, entry.action(), entry.entity(), entry.entityIds(), entry.fields(),
                entry.clientId(), entry.contactId(), via(actor), remoteAddress, request, entry.reason()));
        recorded = true;
    }

    boolean recorded() {
        return recorded;
    }

    /** A generic entry for an audited request whose servlet described nothing: the action from the method, the rest from the path. */
    void recordGeneric(String method, String path) {
        List<String> names = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean prefix = i <= 3 && (segment.isEmpty() || segment.equals("api") || segment.matches("v\\d+"));
            if (prefix) {
                continue;
            }
            if (!segment.isEmpty() && segment.chars().allMatch(Character::isDigit) || segment.matches("[0-9a-f]{16,}")) {
                ids.add(segment);
            } else if (!segment.isEmpty()) {
                names.add(segment);
            }
        }
        accept(new Audit.Entry(action(method), String.join("/", names), ids, List.of(), null, null, null));
    }

    static String action(String method) {
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD", "OPTIONS" -> "read";
            case "POST" -> "create";
            case "PUT", "PATCH" -> "update";
            case "DELETE" -> "delete";
            default -> method.toLowerCase(Locale.ROOT);
        };
    }

    static String via(Principal actor) {
        return switch (actor.kind()) {
            case SESSION -> "console";
            case TOKEN -> "api";
            case SYSTEM -> "system";
        };
    }
}
