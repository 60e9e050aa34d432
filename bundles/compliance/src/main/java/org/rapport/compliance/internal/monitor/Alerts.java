package org.rapport.compliance.internal.monitor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.compliance.ComplianceEvents;
import org.rapport.security.Principal;
import org.rapport.store.SchemaReady;
import org.rapport.store.Store;

/** The compliance alerts: raising (a repeat of an unresolved alert counts up), listing, acknowledging and resolving. */
@Component(service = Alerts.class)
public final class Alerts {
    private final Store store;
    private final Clock clock;

    @Activate
    public Alerts(@Reference Store store, @Reference(target = "(" + SchemaReady.BUNDLE + "=org.rapport.compliance)") SchemaReady schema) {
        this(store, Clock.systemUTC());
    }

    /** Without OSGi (tests): over {@code store}, with the given collaborators and clock. */
    public static Alerts create(Store store, Clock clock) {
        return new Alerts(store, clock);
    }

    private Alerts(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Raises the alert, or counts a repeat of the unresolved one with the same key; returns its id. */
    long raise(AlertDraft draft) {
        Instant now = clock.instant();
        return store.inTransaction(tx -> {
            Optional<Long> open = AlertRepository.openWithKey(tx.handle(), draft.dedupeKey());
            if (open.isPresent()) {
                AlertRepository.repeat(tx.handle(), open.get(), now);
                return open.get();
            }
            long id = AlertRepository.insert(tx.handle(), draft, now);
            tx.emit(ComplianceEvents.ALERT_RAISED, Map.of(ComplianceEvents.ALERT_ID, id, ComplianceEvents.RULE, draft.rule(),
                    ComplianceEvents.SEVERITY, draft.severity()));
            return id;
        });
    }

    public List<Alert> list(String status, String rule, int offset, int limit) {
        return store.jdbi().withHandle(h -> AlertRepository.list(h, status, rule, offset, limit));
    }

    public Optional<Alert> alert(long id) {
        return store.jdbi().withHandle(h -> AlertRepository.byId(h, id));
    }

    /** Acknowledges an open alert; false when it is not open. */
    public boolean acknowledge(long id, Principal actor) {
        return store.jdbi().withHandle(h -> AlertRepository.acknowledge(h, id, actor.displayName(), clock.instant())) > 0;
    }

    /** Resolves an unresolved alert with a note; false when it is resolved already. */
    public boolean resolve(long id, String note, Principal actor) {
        return store.jdbi().withHandle(h -> AlertRepository.resolve(h, id, actor.displayName(), note, clock.instant())) > 0;
    }

    public Map<String, Long> countsByStatus() {
        return store.jdbi().withHandle(AlertRepository::countsByStatus);
    }

    public Map<String, Long> raised(Instant from, Instant to) {
        return store.jdbi().withHandle(h -> AlertRepository.raised(h, from, to));
    }
}
