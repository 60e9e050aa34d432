package org.rapport.compliance.internal.dsr;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.compliance.ComplianceEvents;
import org.rapport.compliance.DataFile;
import org.rapport.compliance.DataTable;
import org.rapport.compliance.Erasure;
import org.rapport.compliance.PersonalDataProvider;
import org.rapport.records.NoSuchRecordException;
import org.rapport.records.Records;
import org.rapport.security.Principal;
import org.rapport.store.SchemaReady;
import org.rapport.store.Store;
import org.rapport.web.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data-subject requests across every installed {@link PersonalDataProvider}: the export of
 * everything held about a contact, and its erasure (each provider in turn, the records last), each
 * request stored with what was done (counts only) and announced on EventAdmin.
 */
@Component(service = DataSubjects.class)
public final class DataSubjects {
    private static final Logger LOG = LoggerFactory.getLogger(DataSubjects.class);

    /** An export: the stored request's id, the manifest, and the tables and files per provider. */
    public record Export(long requestId, Map<String, Object> manifest, Map<String, List<DataTable>> tables,
            Map<String, List<DataFile>> files) {
    }

    /** What an erasure did: per provider its items, or the error it failed with. */
    public record Report(long requestId, long contactId, Instant erasedAt, boolean complete, List<ProviderResult> providers) {
    }

    /** One provider's part of an erasure. */
    public record ProviderResult(String provider, List<Erasure.Item> items, String error) {
    }

    private final Store store;
    private final Providers providers;
    private final Records records;
    private final Clock clock;

    @Activate
    public DataSubjects(@Reference Store store, @Reference(target = "(" + SchemaReady.BUNDLE + "=org.rapport.compliance)") SchemaReady schema,
            @Reference Providers providers, @Reference Records records) {
        this(store, providers, records, Clock.systemUTC());
    }

    /** Without OSGi (tests): over {@code store}, with the given collaborators and clock. */
    public static DataSubjects create(Store store, Providers providers, Records records, Clock clock) {
        return new DataSubjects(store, providers, records, clock);
    }

    private DataSubjects(Store store, Providers providers, Records records, Clock clock) {
        this.store = store;
        this.providers = providers;
        this.records = records;
        this.clock = clock;
    }

    /**
     * Collects the contact's data from every provider.
     *
     * @throws NoSuchRecordException when the records hold no such contact (never created, or erased)
     */
    public Export export(long contactId, Principal actor) {
        if (records.contactData(contactId).isEmpty()) {
            throw new NoSuchRecordException("contact", contactId);
        }
        Map<String, List<DataTable>> tables = new LinkedHashMap<>();
        Map<String, List<DataFile>> files = new LinkedHashMap<>();
        List<Map<String, Object>> summary = new ArrayList<>();
        for (PersonalDataProvider provider : providers.all()) {
            String name = Providers.name(provider);
            List<DataTable> provided;
            List<DataFile> providedFiles;
            try {
                provided = provider.export(contactId);
                providedFiles = provider.files(contactId);
            } catch (RuntimeException e) {
                LOG.warn("Personal-data provider {} failed to export a contact: {}", name, e.toString());
                summary.add(Map.of("provider", name, "error", String.valueOf(e.getMessage())));
                continue;
            }
            tables.put(name, provided);
            files.put(name, providedFiles);
            Map<String, Object> counts = new LinkedHashMap<>();
            provided.forEach(t -> counts.put(t.name(), t.rows().size()));
            summary.add(providedFiles.isEmpty() ? Map.of("provider", name, "tables", counts)
                    : Map.of("provider", name, "tables", counts, "files", providedFiles.size()));
        }
        Instant now = clock.instant();
        boolean complete = summary.stream().noneMatch(s -> s.containsKey("error"));
        long id = store(new RequestRepository.Row(0, "export", contactId, actor.userId(), actor.displayName(), null, complete,
                json(Map.of("providers", summary)), now), ComplianceEvents.CONTACT_EXPORTED, contactId, actor);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("contactId", contactId);
        manifest.put("exportedAt", now.toString());
        manifest.put("request", id);
        manifest.put("complete", complete);
        manifest.put("providers", summary);
        return new Export(id, manifest, tables, files);
    }

    /**
     * Erases the contact in every provider (the records last). A provider that fails does not stop
     * the others; the report says so and the request can be repeated.
     *
     * @throws NoSuchRecordException when the contact is unknown and was never erased
     */
    public Report erase(long contactId, String reason, Principal actor) {
        boolean known = records.contactData(contactId).isPresent();
        if (!known && !store.jdbi().withHandle(h -> RequestRepository.erasedBefore(h, contactId))) {
            throw new NoSuchRecordException("contact", contactId);
        }
        List<ProviderResult> results = new ArrayList<>();
        for (PersonalDataProvider provider : providers.all()) {
            String name = Providers.name(provider);
            try {
                Erasure erasure = provider.erase(contactId, actor);
                results.add(new ProviderResult(name, erasure.items(), null));
            } catch (RuntimeException e) {
                LOG.warn("Personal-data provider {} failed to erase a contact: {}", name, e.toString());
                results.add(new ProviderResult(name, List.of(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        boolean complete = results.stream().allMatch(r -> r.error() == null);
        Instant now = clock.instant();
        List<Map<String, Object>> summary = results.stream().map(DataSubjects::summary).toList();
        long id = store(new RequestRepository.Row(0, "erase", contactId, actor.userId(), actor.displayName(), reason, complete,
                json(Map.of("providers", summary)), now), ComplianceEvents.CONTACT_ERASED, contactId, actor);
        return new Report(id, contactId, now, complete, results);
    }

    private static Map<String, Object> summary(ProviderResult r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("provider", r.provider());
        json.put("items", r.items().stream().map(i -> Map.of("what", i.what(), "action", i.action().id(), "count", i.count())).toList());
        if (r.error() != null) {
            json.put("error", r.error());
        }
        return json;
    }

    private long store(RequestRepository.Row row, String topic, long contactId, Principal actor) {
        return store.inTransaction(tx -> {
            long id = RequestRepository.insert(tx.handle(), row);
            tx.emit(topic, Map.of(ComplianceEvents.CONTACT_ID, contactId, ComplianceEvents.ACTOR_ID, actor.userId()));
            return id;
        });
    }

    public List<RequestRepository.Row> requests(Long contactId, Instant from, Instant to, int offset, int limit) {
        return store.jdbi().withHandle(h -> RequestRepository.list(h, contactId, from, to, offset, limit));
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
