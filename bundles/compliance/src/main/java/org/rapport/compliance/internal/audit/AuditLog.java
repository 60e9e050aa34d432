package org.rapport.compliance.internal.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.rapport.compliance.internal.Sql;
import org.rapport.security.AuditEvent;
import org.rapport.security.AuditSink;
import org.rapport.store.SchemaReady;
import org.rapport.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log's writer and the {@link AuditSink}: callers hand an event over and wait until it
 * is committed; one writer thread appends whatever has queued up in one transaction (group commit),
 * chaining each entry to the previous one under the head row's lock. So a busy server pays one
 * commit for many entries, and an event is never acknowledged before it is stored.
 */
@Component(service = {AuditSink.class, AuditLog.class})
public final class AuditLog implements AuditSink {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int BATCH = 500;
    private static final long WAIT_SECONDS = 20;
    private static final int MAX_IDS_TEXT = 4000;

    /** An event waiting to be written and its caller's future. */
    private record Pending(AuditEvent event, CompletableFuture<Long> done) {
    }

    private final Store store;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(100_000);
    private final List<AuditListener> listeners = new CopyOnWriteArrayList<>();
    private final Thread writer;
    private volatile boolean running = true;

    @Activate
    public AuditLog(@Reference Store store, @Reference(target = "(" + SchemaReady.BUNDLE + "=org.rapport.compliance)") SchemaReady schema) {
        this.store = store;
        this.writer = new Thread(this::run, "rapport-audit");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addListener(AuditListener listener) {
        listeners.add(listener);
    }

    public void removeListener(AuditListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void record(AuditEvent event) {
        if (!running) {
            throw new IllegalStateException("The audit log is stopping");
        }
        Pending pending = new Pending(event, new CompletableFuture<>());
        if (!queue.offer(pending)) {
            throw new IllegalStateException("The audit log is overloaded");
        }
        try {
            pending.done().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while recording an audit entry", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The audit entry could not be stored: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The audit entry was not stored within " + WAIT_SECONDS + " s", e);
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.done().completeExceptionally(new IllegalStateException("The audit log stopped")));
    }

    private void write(List<Pending> batch) {
        List<AuditRow> rows;
        try {
            rows = store.jdbi().inTransaction(h -> {
                AuditRepository.Head head = AuditRepository.lockHead(h);
                List<AuditRow> chained = new ArrayList<>(batch.size());
                List<AuditRepository.Subject> subjects = new ArrayList<>();
                long seq = head.seq();
                String prev = head.hash();
                for (Pending p : batch) {
                    AuditRow row = chain(p.event(), ++seq, prev);
                    chained.add(row);
                    subjects.addAll(subjects(row, p.event()));
                    prev = row.hash();
                }
                AuditRepository.append(h, chained, subjects, new AuditRepository.Head(seq, prev));
                return chained;
            });
        } catch (RuntimeException e) {
            LOG.error("Could not store {} audit entries: {}", batch.size(), e.toString());
            batch.forEach(p -> p.done().completeExceptionally(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(rows.get(i).seq());
        }
        for (AuditListener listener : listeners) {
            try {
                listener.appended(rows);
            } catch (RuntimeException e) {
                LOG.warn("An audit listener failed: {}", e.toString());
            }
        }
    }

    /** The stored form of an event at position {@code seq}, chained to {@code prev}. */
    static AuditRow chain(AuditEvent e, long seq, String prev) {
        String request = Sql.cut(e.request(), 1000);
        String reason = Sql.cut(e.reason(), 1000);
        String salt = AuditChain.newSalt();
        List<String> ids = fitting(e.entityIds());
        AuditRow unhashed = new AuditRow(seq, AuditChain.truncate(e.at()), e.actor().userId(), Sql.cut(e.actor().displayName(), 200),
                e.actor().kind().name(), e.actor().tokenId(), Sql.cut(e.via(), 10), Sql.cut(e.remoteAddress(), 100),
                Sql.cut(e.action(), 40), Sql.cut(e.entity() == null || e.entity().isBlank() ? "unknown" : e.entity(), 60), ids,
                e.entityIds().size(), fittingFields(e.fields()), e.clientId(), e.contactId(), request, reason, salt,
                AuditChain.personalDigest(salt, request, reason), false, prev, "");
        return withHash(unhashed, AuditChain.hash(prev, unhashed));
    }

    private static AuditRow withHash(AuditRow r, String hash) {
        return new AuditRow(r.seq(), r.at(), r.actorId(), r.actorName(), r.actorKind(), r.tokenId(), r.via(), r.remoteAddress(),
                r.action(), r.entity(), r.entityIds(), r.idCount(), r.fields(), r.clientId(), r.contactId(), r.request(), r.reason(),
                r.salt(), r.personalDigest(), r.erased(), r.prevHash(), hash);
    }

    /** As many ids as fit the column (the subject table keeps all of them). */
    private static List<String> fitting(List<String> ids) {
        List<String> kept = new ArrayList<>();
        int length = 0;
        for (String id : ids) {
            String clean = id.replace(",", "");
            if (length + clean.length() + 1 > MAX_IDS_TEXT) {
                break;
            }
            kept.add(clean);
            length += clean.length() + 1;
        }
        return kept;
    }

    private static List<String> fittingFields(List<String> fields) {
        List<String> kept = new ArrayList<>();
        int length = 0;
        for (String field : fields) {
            String clean = field.replace(",", "");
            if (length + clean.length() + 1 > 2000) {
                break;
            }
            kept.add(clean);
            length += clean.length() + 1;
        }
        return kept;
    }

    /** The clients and contacts an entry is about: its ids when they are clients or contacts, and the one client / contact named. */
    static List<AuditRepository.Subject> subjects(AuditRow row, AuditEvent e) {
        Set<AuditRepository.Subject> subjects = new LinkedHashSet<>();
        String entity = e.entity() == null ? "" : e.entity();
        String kind = entity.equals("client") || entity.startsWith("clients") ? AuditRepository.CLIENT
                : entity.equals("contact") || entity.startsWith("contacts") ? AuditRepository.CONTACT : null;
        boolean generic = entity.startsWith("clients") || entity.startsWith("contacts");
        if (kind != null) {
            List<String> ids = generic && !e.entityIds().isEmpty() ? e.entityIds().subList(0, 1) : e.entityIds();
            for (String id : ids) {
                try {
                    subjects.add(new AuditRepository.Subject(row.seq(), kind, Long.parseLong(id.strip())));
                } catch (NumberFormatException ignored) {
                    // not a record id
                }
            }
        }
        if (e.clientId() != null) {
            subjects.add(new AuditRepository.Subject(row.seq(), AuditRepository.CLIENT, e.clientId()));
        }
        if (e.contactId() != null) {
            subjects.add(new AuditRepository.Subject(row.seq(), AuditRepository.CONTACT, e.contactId()));
        }
        return List.copyOf(subjects);
    }

    @Deactivate
    public void stop() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
