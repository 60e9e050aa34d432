package org.rapport.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.Consumer;
import org.rapport.web.ApiException;

/**
 * How a REST servlet records its accesses to client data in the audit log.
 *
 * <p>A servlet serving client data declares the service property {@link #PROPERTY}{@code =true}
 * next to its {@link Access} declaration, and calls {@link #record} with what it read or changed
 * <em>before</em> it writes the response. The security filter turns that into an
 * {@link AuditEvent} (who, from where, which request) for the {@link AuditSink}. If recording
 * fails, {@code record} throws a 503 and the data is not served. An audited servlet that records
 * nothing for a request gets a generic entry from its method and path afterwards.
 *
 * @since 0.1
 */
public final class Audit {

    /** Service property of a servlet serving client data: {@code true} makes auditing mandatory. */
    public static final String PROPERTY = "rapport.audit";

    /**
     * Request attribute holding the recorder the security filter installs: a
     * {@code Consumer<Audit.Entry>}. Internal to the filter; use {@link #record}.
     */
    public static final String RECORDER_ATTRIBUTE = "org.rapport.security.audit.recorder";

    /**
     * What a request did to client data.
     *
     * @param action {@code read}, {@code create}, {@code update}, {@code delete}, {@code export},
     *        {@code unmask}, ...
     * @param entity {@code client}, {@code contact}, ...
     * @param entityIds the records' ids
     * @param fields the fields read or changed (empty: whole records)
     * @param clientId the one client concerned, or {@code null}
     * @param contactId the one contact concerned, or {@code null}
     * @param reason the caller's reason, or {@code null}
     */
    public record Entry(String action, String entity, List<String> entityIds, List<String> fields, Long clientId,
            Long contactId, String reason) {

        public Entry {
            entityIds = List.copyOf(entityIds);
            fields = List.copyOf(fields);
        }

        /** A read of one record, all fields. */
        public static Entry read(String entity, Object id, Long clientId, Long contactId) {
            return new Entry("read", entity, List.of(String.valueOf(id)), List.of(), clientId, contactId, null);
        }

        /** A read of several records (a list page, a search). */
        public static Entry readMany(String entity, List<?> ids) {
            return new Entry("read", entity, ids.stream().map(String::valueOf).toList(), List.of(), null, null, null);
        }
    }

    private Audit() {
    }

    /**
     * Records an access of this request before its data is served.
     *
     * @throws ApiException 503 {@code audit_unavailable} when it cannot be recorded (no audit log
     *         running, or the log failed)
     */
    @SuppressWarnings("unchecked")
    public static void record(HttpServletRequest request, Entry entry) {
        Object recorder = request.getAttribute(RECORDER_ATTRIBUTE);
        if (!(recorder instanceof Consumer<?> consumer)) {
            throw unavailable();
        }
        try {
            ((Consumer<Entry>) consumer).accept(entry);
        } catch (RuntimeException e) {
            throw unavailable();
        }
    }

    private static ApiException unavailable() {
        return new ApiException(503, "audit_unavailable",
                "The audit log is not available, so client data cannot be served right now; try again shortly");
    }
}
