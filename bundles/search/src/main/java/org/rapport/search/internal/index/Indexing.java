package org.rapport.search.internal.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.document.LongPoint;
import org.rapport.education.Article;
import org.rapport.education.ArticleQuery;
import org.rapport.education.ArticleSummary;
import org.rapport.education.Education;
import org.rapport.records.Client;
import org.rapport.records.ClientQuery;
import org.rapport.records.Contact;
import org.rapport.records.Interaction;
import org.rapport.records.Records;
import org.rapport.search.SearchTypes;

/**
 * Reads records and articles through their services and writes them to the index: changed
 * clients (with their contacts), interactions, a client's whole timeline, articles; a full
 * rebuild from the database; and the catch-up of what changed while the index was not listening.
 * The sources may come and go: a method needing an absent one returns {@code false} and leaves the
 * work for later.
 */
public final class Indexing {
    static final int BATCH = 1000;

    private final SearchIndex index;
    private final Supplier<Records> records;
    private final Supplier<Education> education;
    private final AtomicLong lastInteraction = new AtomicLong();
    private volatile long generation;

    public Indexing(SearchIndex index, Supplier<Records> records, Supplier<Education> education) {
        this.index = index;
        this.records = records;
        this.education = education;
        this.generation = parse(index.committed(SearchIndex.GENERATION), 1);
        this.lastInteraction.set(parse(index.committed(SearchIndex.LAST_INTERACTION), 0));
    }

    private static long parse(String value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public SearchIndex index() {
        return index;
    }

    /** Indexes these clients with their contacts; clients that no longer exist leave the index with everything under them. */
    public boolean clients(Collection<Long> ids) {
        Records r = records.get();
        if (r == null) {
            return false;
        }
        writeClients(r, r.clients(ids), ids);
        return true;
    }

    private int writeClients(Records r, List<Client> found, Collection<Long> asked) {
        Map<Long, List<Contact>> contacts = new HashMap<>();
        if (!found.isEmpty()) {
            for (Contact c : r.contactsOf(found.stream().map(Client::id).toList())) {
                contacts.computeIfAbsent(c.clientId(), k -> new ArrayList<>()).add(c);
            }
        }
        Set<Long> seen = new HashSet<>();
        int docs = 0;
        for (Client client : found) {
            List<Document> family = Documents.clientFamily(client, contacts.getOrDefault(client.id(), List.of()), generation);
            index.replaceFamily(client.id(), family);
            seen.add(client.id());
            docs += family.size();
        }
        for (long id : asked) {
            if (!seen.contains(id)) {
                index.deleteClient(id);
            }
        }
        return docs;
    }

    /** Removes a client and everything under it (e.g. merged away). */
    public void deleteClient(long id) {
        index.deleteClient(id);
    }

    /** Indexes these interactions (ids of new interactions). */
    public boolean interactions(Collection<Long> ids) {
        Records r = records.get();
        if (r == null) {
            return false;
        }
        TreeSet<Long> wanted = new TreeSet<>(ids);
        while (!wanted.isEmpty()) {
            long first = wanted.first();
            long span = Math.min(5000, wanted.last() - first + 1);
            List<Interaction> batch = r.interactionsAfter(first - 1, (int) span);
            List<Interaction> hits = batch.stream().filter(i -> wanted.contains(i.id())).toList();
            writeInteractions(r, hits);
            long upTo = batch.isEmpty() ? Long.MAX_VALUE : batch.get(batch.size() - 1).id();
            wanted.headSet(Math.max(first, upTo), true).clear();
            if (batch.size() < span) {
                wanted.clear();
            }
        }
        return true;
    }

    private int writeInteractions(Records r, List<Interaction> interactions) {
        if (interactions.isEmpty()) {
            return 0;
        }
        Map<Long, String> names = new HashMap<>();
        List<Long> clientIds = interactions.stream().map(Interaction::clientId).distinct().toList();
        for (int i = 0; i < clientIds.size(); i += BATCH) {
            r.clients(clientIds.subList(i, Math.min(clientIds.size(), i + BATCH))).forEach(c -> names.put(c.id(), c.name()));
        }
        for (Interaction interaction : interactions) {
            index.replace(SearchTypes.INTERACTION, interaction.id(), Documents.interaction(interaction, names.get(interaction.clientId()),
                    generation));
            lastInteraction.accumulateAndGet(interaction.id(), Math::max);
        }
        index.note(SearchIndex.LAST_INTERACTION, Long.toString(lastInteraction.get()));
        return interactions.size();
    }

    /** Re-indexes every interaction of a client (after a merge moved them, a rename, or retention / erasure changed them). */
    public boolean timeline(long clientId) {
        Records r = records.get();
        if (r == null) {
            return false;
        }
        List<Client> client = r.clients(List.of(clientId));
        if (client.isEmpty()) {
            index.deleteClient(clientId);
            return true;
        }
        index.delete(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Schema.CLIENT, Long.toString(clientId))), Occur.FILTER)
                .add(new TermQuery(new Term(Schema.TYPE, SearchTypes.INTERACTION)), Occur.FILTER)
                .build());
        for (int page = 1;; page++) {
            List<Interaction> items = r.interactions(clientId, page, 500).items();
            writeInteractions(r, items);
            if (items.size() < 500) {
                return true;
            }
        }
    }

    /** Indexes these articles; deleted ones leave the index. */
    public boolean articles(Collection<Long> ids) {
        Education e = education.get();
        if (e == null) {
            return false;
        }
        List<Long> list = List.copyOf(ids);
        for (int i = 0; i < list.size(); i += BATCH) {
            List<Long> chunk = list.subList(i, Math.min(list.size(), i + BATCH));
            Set<Long> found = new HashSet<>();
            for (Article a : e.articles(chunk)) {
                index.replace(SearchTypes.ARTICLE, a.id(), Documents.article(a, generation));
                found.add(a.id());
            }
            chunk.stream().filter(id -> !found.contains(id)).forEach(id -> index.delete(SearchTypes.ARTICLE, id));
        }
        return true;
    }

    /**
     * Rebuilds the index from the database: every document is written again with a new
     * generation, then the documents of older generations (records deleted meanwhile) are
     * removed, per source that was available. The index stays searchable throughout.
     *
     * @return documents written
     */
    public long rebuild(LongConsumer progress, BooleanSupplier cancelled) {
        long gen = generation + 1;
        generation = gen;
        index.commit(Map.of(SearchIndex.COMPLETE, "false", SearchIndex.GENERATION, Long.toString(gen)));
        long written = 0;
        List<String> rebuilt = new ArrayList<>();
        Records r = records.get();
        if (r != null) {
            long after = 0;
            while (!cancelled.getAsBoolean()) {
                List<Long> ids = r.clientIds(after, BATCH);
                if (ids.isEmpty()) {
                    break;
                }
                written += writeClients(r, r.clients(ids), List.of());
                after = ids.get(ids.size() - 1);
                progress.accept(written);
            }
            long afterInteraction = 0;
            while (!cancelled.getAsBoolean()) {
                List<Interaction> batch = r.interactionsAfter(afterInteraction, 2000);
                if (batch.isEmpty()) {
                    break;
                }
                written += writeInteractions(r, batch);
                afterInteraction = batch.get(batch.size() - 1).id();
                progress.accept(written);
            }
            rebuilt.addAll(List.of(SearchTypes.CLIENT, SearchTypes.CONTACT, SearchTypes.INTERACTION));
        }
        Education e = education.get();
        if (e != null && !cancelled.getAsBoolean()) {
            for (int page = 1;; page++) {
                List<ArticleSummary> items = e.list(ArticleQuery.all(page, ArticleQuery.MAX_SIZE)).items();
                if (items.isEmpty()) {
                    break;
                }
                articles(items.stream().map(ArticleSummary::id).toList());
                written += items.size();
                progress.accept(written);
                if (cancelled.getAsBoolean()) {
                    break;
                }
            }
            rebuilt.add(SearchTypes.ARTICLE);
        }
        if (cancelled.getAsBoolean()) {
            return written;
        }
        for (String type : rebuilt) {
            index.delete(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(Schema.TYPE, type)), Occur.FILTER)
                    .add(LongPoint.newRangeQuery(Schema.GEN, Long.MIN_VALUE, gen - 1), Occur.FILTER)
                    .build());
        }
        boolean complete = rebuilt.size() == 4;
        Map<String, String> data = new LinkedHashMap<>();
        data.put(SearchIndex.COMPLETE, Boolean.toString(complete));
        data.put(SearchIndex.GENERATION, Long.toString(gen));
        data.put(SearchIndex.REBUILT_AT, Instant.now().toString());
        data.put(SearchIndex.LAST_INTERACTION, Long.toString(lastInteraction.get()));
        index.commit(data);
        index.refresh();
        return written;
    }

    /**
     * Indexes what changed since the last commit while nothing listened: clients updated since
     * then (with their contacts), interactions after the last one indexed, articles updated since.
     *
     * @return whether the sources were there to ask
     */
    public boolean catchUp() {
        Records r = records.get();
        Education e = education.get();
        if (r == null || e == null) {
            return false;
        }
        long since = parse(index.committed(SearchIndex.INDEXED_AT), 0) - 60_000;
        Instant threshold = Instant.ofEpochMilli(Math.max(0, since));
        for (int page = 1;; page++) {
            List<Client> items = r.clients(new ClientQuery(null, null, null, null, null, null, null, null, null, "-updatedAt", page,
                    ClientQuery.MAX_SIZE)).items();
            List<Client> recent = items.stream().filter(c -> !c.updatedAt().isBefore(threshold)).toList();
            writeClients(r, recent, List.of());
            if (recent.size() < items.size() || items.size() < ClientQuery.MAX_SIZE) {
                break;
            }
        }
        long after = lastInteraction.get();
        while (true) {
            List<Interaction> batch = r.interactionsAfter(after, 2000);
            if (batch.isEmpty()) {
                break;
            }
            writeInteractions(r, batch);
            after = batch.get(batch.size() - 1).id();
        }
        for (int page = 1;; page++) {
            List<ArticleSummary> items = e.list(new ArticleQuery(null, null, null, null, "-updatedAt", page, ArticleQuery.MAX_SIZE)).items();
            List<Long> recent = items.stream().filter(a -> !a.updatedAt().isBefore(threshold)).map(ArticleSummary::id).toList();
            articles(recent);
            if (recent.size() < items.size() || items.size() < ArticleQuery.MAX_SIZE) {
                break;
            }
        }
        return true;
    }
}
