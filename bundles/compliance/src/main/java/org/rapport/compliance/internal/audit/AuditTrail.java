package org.rapport.compliance.internal.audit;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.store.SchemaReady;
import org.rapport.store.Store;

/** Reading the audit log: search, a contact's entries, chain verification, and erasure of the personal parts about a contact. */
@Component(service = AuditTrail.class)
public final class AuditTrail {
    private static final int PAGE = 2000;

    private final Store store;
    private final Clock clock;

    @Activate
    public AuditTrail(@Reference Store store, @Reference(target = "(" + SchemaReady.BUNDLE + "=org.rapport.compliance)") SchemaReady schema) {
        this(store, Clock.systemUTC());
    }

    /** Without OSGi (tests): over {@code store}, with the given collaborators and clock. */
    public static AuditTrail create(Store store, Clock clock) {
        return new AuditTrail(store, clock);
    }

    private AuditTrail(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public List<AuditRow> search(AuditQuery query, int offset, int limit) {
        return store.jdbi().withHandle(h -> AuditRepository.search(h, query, offset, limit));
    }

    public long count(AuditQuery query) {
        return store.jdbi().withHandle(h -> AuditRepository.count(h, query));
    }

    /**
     * Walks the chain from the first entry: positions without gaps, each entry's previous hash the
     * hash of the one before, each hash and personal digest recomputed, and the last entry the
     * recorded head. Reports the first position that fails.
     */
    public Verification verify() {
        return store.jdbi().withHandle(h -> {
            AuditRepository.Head head = AuditRepository.head(h);
            long expected = 1;
            String prev = AuditChain.GENESIS;
            long checked = 0;
            while (expected <= head.seq()) {
                List<AuditRow> page = AuditRepository.after(h, expected - 1, PAGE);
                if (page.isEmpty()) {
                    return broken(checked, expected, "entries from here to " + head.seq() + " are missing");
                }
                for (AuditRow row : page) {
                    if (row.seq() > head.seq()) {
                        return done(checked, head, prev, h);
                    }
                    if (row.seq() != expected) {
                        return broken(checked, expected, "the entry is missing");
                    }
                    if (!row.prevHash().equals(prev)) {
                        return broken(checked, expected, "the entry does not follow the one before it");
                    }
                    if (!row.erased() && !AuditChain.personalDigest(row.salt(), row.request(), row.reason()).equals(row.personalDigest())) {
                        return broken(checked, expected, "the request or reason was altered");
                    }
                    if (!AuditChain.hash(prev, row).equals(row.hash())) {
                        return broken(checked, expected, "the entry was altered");
                    }
                    prev = row.hash();
                    checked++;
                    expected++;
                }
            }
            return done(checked, head, prev, h);
        });
    }

    private Verification done(long checked, AuditRepository.Head head, String prev, Handle h) {
        if (!head.hash().equals(prev)) {
            return broken(checked, head.seq(), "the last entry is not the recorded head of the chain");
        }
        return new Verification(true, checked, null, null, clock.instant());
    }

    private Verification broken(long checked, long seq, String problem) {
        return new Verification(false, checked, seq, problem, clock.instant());
    }

    /** A contact's entries, oldest first (for the export). */
    public List<AuditRow> ofContact(long contactId) {
        List<AuditRow> rows = new java.util.ArrayList<>(search(new AuditQuery(null, contactId, null, null, null, null, null, null), 0, 100_000));
        java.util.Collections.reverse(rows);
        return rows;
    }

    /** Blanks the request and reason of the entries about a contact (the chain still verifies); returns how many. */
    public long erasePersonal(Handle h, long contactId) {
        return AuditRepository.erasePersonal(h, contactId);
    }
}
