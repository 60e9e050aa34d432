package org.rapport.records.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.rapport.jobs.JobContext;
import org.rapport.records.ClientInput;
import org.rapport.records.ContactInput;
import org.rapport.records.InvalidRecordException;
import org.rapport.records.RecordsEvents;
import org.rapport.records.internal.csv.ClientCsvParser;
import org.rapport.records.internal.csv.FieldIssue;
import org.rapport.records.internal.csv.ImportOptions;
import org.rapport.records.internal.csv.ImportRow;
import org.rapport.records.internal.csv.ImportSummary;
import org.rapport.records.internal.csv.RowResult;
import org.rapport.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports clients and contacts from CSV: parses and validates each row (a bad row is reported
 * with its line and field and skipped), then writes the good rows in batches, one transaction
 * each, so a row is either fully imported or not at all. Reports progress and counts to the job.
 */
public final class ClientImporter {
    private static final Logger LOG = LoggerFactory.getLogger(ClientImporter.class);
    static final int BATCH = 1000;

    private final Store store;
    private final Clock clock;

    public ClientImporter(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Runs one import.
     *
     * @param in the CSV bytes (not closed here)
     * @param options charset, header mapping and limits
     * @param policy what to do with duplicates
     * @param actorId the importing staff user
     * @param job where progress, counts and row errors go
     * @param position how far into the input the parser is (reported as the job's progress)
     * @return the parse summary
     */
    public ImportSummary run(InputStream in, ImportOptions options, DuplicatePolicy policy, long actorId, JobContext job,
            java.util.function.LongSupplier position) throws IOException {
        List<PendingRow> pending = new ArrayList<>(BATCH);
        AtomicLong created = new AtomicLong();
        try {
            ImportSummary summary = new ClientCsvParser(options).parse(in, result -> {
                job.count(ImportCounts.ROWS, 1);
                job.progress(position.getAsLong());
                PendingRow row = accept(result, job);
                if (row != null) {
                    pending.add(row);
                    if (pending.size() >= BATCH) {
                        flush(pending, policy, actorId, job, created);
                    }
                }
                return !job.cancelled();
            });
            if (!summary.headerOk()) {
                summary.headerErrors().forEach(message -> job.error(summary.headerLine(), "header", message));
                throw new InvalidRecordException("file", String.join("; ", summary.headerErrors()));
            }
            summary.headerWarnings().forEach(message -> job.error(summary.headerLine(), "header", "warning: " + message));
            if (!job.cancelled()) {
                flush(pending, policy, actorId, job, created);
            }
            return summary;
        } finally {
            finished(job.id(), actorId, created.get());
        }
    }

    /** Announces the end of the import (whatever its outcome), after its last batch. */
    private void finished(String jobId, long actorId, long created) {
        try {
            store.inTransaction(tx -> tx.emit(RecordsEvents.IMPORT_FINISHED, Map.of(RecordsEvents.JOB_ID, jobId,
                    RecordsEvents.COUNT, created, RecordsEvents.ACTOR_ID, actorId)));
        } catch (RuntimeException e) {
            // listeners that hold the import's clients back release them after a while without batches
            LOG.warn("Could not announce the end of import {}: {}", jobId, e.toString());
        }
    }

    private PendingRow accept(RowResult result, JobContext job) {
        if (!result.isValid()) {
            job.count(ImportCounts.REJECTED, 1);
            for (FieldIssue issue : result.errors()) {
                job.error(issue.line(), issue.field(), issue.message());
            }
            return null;
        }
        for (FieldIssue warning : result.warnings()) {
            job.count(ImportCounts.WARNINGS, 1);
            job.error(warning.line(), warning.field(), "warning: " + warning.message());
        }
        ImportRow r = result.row();
        try {
            ClientInput client = Validation.client(new ClientInput(r.name(), r.registrationNo(), r.industry(), r.region(),
                    r.annualRevenue(), r.employees(), r.tags(), r.status()));
            ContactInput contact = null;
            if (r.hasContact()) {
                String name = r.contactName() != null ? r.contactName()
                        : !r.emails().isEmpty() ? r.emails().get(0) : !r.phones().isEmpty() ? r.phones().get(0) : r.name();
                contact = Validation.contact(new ContactInput(name, r.contactTitle(), r.emails(), r.phones(), r.preferredChannel(),
                        r.language(), r.timeZone()));
            }
            return new PendingRow(result.line(), client, contact, Normalise.nameKey(client.name()),
                    contact == null ? List.of() : List.copyOf(Duplicates.emailKeys(contact.emails())),
                    contact == null ? List.of() : contact.phones());
        } catch (InvalidRecordException e) {
            job.count(ImportCounts.REJECTED, 1);
            e.fields().forEach((field, message) -> job.error(result.line(), field, message));
            return null;
        }
    }

    private void flush(List<PendingRow> pending, DuplicatePolicy policy, long actorId, JobContext job, AtomicLong created) {
        if (pending.isEmpty()) {
            return;
        }
        List<PendingRow> rows = List.copyOf(pending);
        pending.clear();
        try {
            write(rows, policy, actorId, job, created);
        } catch (RuntimeException batchFailure) {
            // isolate the row the database refused; the others are written one by one
            for (PendingRow row : rows) {
                try {
                    write(List.of(row), policy, actorId, job, created);
                } catch (RuntimeException rowFailure) {
                    job.count(ImportCounts.REJECTED, 1);
                    job.error(row.line(), "row", "could not be stored: " + rootMessage(rowFailure));
                }
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }

    private void write(List<PendingRow> rows, DuplicatePolicy policy, long actorId, JobContext job, AtomicLong created) {
        ImportBatchWriter.Outcome outcome = store.inTransaction(tx -> {
            ImportBatchWriter.Outcome o = new ImportBatchWriter(tx.handle(), policy, actorId, clock.instant()).write(rows);
            if (!o.created().isEmpty()) {
                tx.emit(RecordsEvents.CLIENTS_IMPORTED, Map.of(RecordsEvents.CLIENT_IDS, o.created(),
                        RecordsEvents.COUNT, o.created().size(), RecordsEvents.ACTOR_ID, actorId, RecordsEvents.JOB_ID, job.id()));
            }
            return o;
        });
        created.addAndGet(outcome.created().size());
        job.count(ImportCounts.IMPORTED, outcome.created().size());
        job.count(ImportCounts.MERGED, outcome.merged());
        job.count(ImportCounts.CONTACTS, outcome.contacts());
        job.count(ImportCounts.DUPLICATES, outcome.duplicates().size());
        for (ImportBatchWriter.Match m : outcome.duplicates()) {
            String target = m.clientId() == 0 ? "an earlier row (" + m.clientName() + ")" : "client " + m.clientId() + " (" + m.clientName() + ")";
            String action = policy == DuplicatePolicy.MERGE ? "merged into " : policy == DuplicatePolicy.SKIP ? "skipped, duplicate of "
                    : "created, possible duplicate of ";
            job.error(m.line(), m.reason(), action + target);
        }
    }
}
