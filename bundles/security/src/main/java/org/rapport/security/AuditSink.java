package org.rapport.security;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where accesses to client data are recorded: implemented by the audit log (the compliance
 * bundle). The security filter hands it what REST servlets {@linkplain Audit#record describe};
 * bundles acting on their own (the chatbot, jobs) call it directly with {@link Principal#SYSTEM}
 * or the principal they act for.
 *
 * <p>While no sink is registered, REST resources that serve client data (service property
 * {@link Audit#PROPERTY}{@code =true}) answer 503: client data is never read unaudited.
 *
 * @since 0.1
 */
@ConsumerType
public interface AuditSink {

    /**
     * Records an access. Returns once the event is durably accepted (it is never lost after a
     * normal return); throws when it cannot be, and the caller must then not serve the data.
     *
     * @param event what happened
     * @throws RuntimeException when the event cannot be recorded
     */
    void record(AuditEvent event);
}
