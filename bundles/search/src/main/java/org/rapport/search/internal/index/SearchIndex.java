package org.rapport.search.internal.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.rapport.search.SearchTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index on disk: one {@link IndexWriter}, near-real-time searchers refreshed every
 * {@code refreshMillis} (so a change is searchable within that; under a bulk load less often, at most
 * {@value #MAX_REFRESH_DELAY_MILLIS} ms apart), commits every
 * {@code commitSeconds} when something changed and on close. A missing, unreadable or corrupt
 * index is moved aside and started empty, and {@link #needsRebuild()} says so; so does an index
 * whose last rebuild did not finish. Thread-safe.
 */
public final class SearchIndex implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    static final String COMPLETE = "rapport.complete";
    static final String GENERATION = "rapport.generation";
    static final String REBUILT_AT = "rapport.rebuiltAt";
    static final String INDEXED_AT = "rapport.indexedAt";
    static final String LAST_INTERACTION = "rapport.lastInteraction";

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ScheduledExecutorService timer;
    private final Map<String, String> commitData;
    private final long refreshMillis;
    /** How many times its own duration the timed refresh waits before the next. */
    static final int REFRESH_PACE = 4;
    /** The longest wait between timed refreshes (so a change is searchable within about a second even under load). */
    static final long MAX_REFRESH_DELAY_MILLIS = 800;
    private final boolean needsRebuild;
    private final AtomicBoolean changed = new AtomicBoolean();
    private volatile boolean closed;

    /**
     * Opens (or creates) the index under {@code path}.
     *
     * @param refreshMillis how often new changes become searchable
     * @param commitSeconds how often changes are made durable
     */
    public SearchIndex(Path path, long refreshMillis, long commitSeconds) throws IOException {
        this.path = path;
        Files.createDirectories(path);
        boolean usable = usable(path);
        if (!usable) {
            moveAside(path);
            Files.createDirectories(path);
        }
        this.directory = FSDirectory.open(path);
        IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(48);
        this.writer = new IndexWriter(directory, config);
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        this.commitData = data;
        this.needsRebuild = !usable || !"true".equals(data.get(COMPLETE));
        this.searchers = new SearcherManager(writer, null);
        java.util.concurrent.ScheduledThreadPoolExecutor refresher = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "rapport-search-refresh");
            t.setDaemon(true);
            return t;
        });
        // on close, what is waiting is dropped and what runs finishes: an interrupt would close the index's file channels
        refresher.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.timer = refresher;
        this.refreshMillis = refreshMillis;
        timer.schedule(this::timedRefresh, refreshMillis, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::commitIfChanged, commitSeconds, commitSeconds, TimeUnit.SECONDS);
    }

    /** Whether a usable index is at {@code path} (none at all counts as unusable: it must be built). */
    private static boolean usable(Path path) {
        try (Directory dir = FSDirectory.open(path)) {
            if (!DirectoryReader.indexExists(dir)) {
                return false;
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                reader.numDocs();
                return true;
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("The search index at {} cannot be read ({}); it is rebuilt", path, e.toString());
            return false;
        }
    }

    private static void moveAside(Path path) throws IOException {
        boolean empty;
        try (Stream<Path> files = Files.list(path)) {
            empty = files.findAny().isEmpty();
        }
        if (empty) {
            return;
        }
        Path aside = path.resolveSibling(path.getFileName() + ".broken");
        deleteTree(aside);
        Files.move(path, aside);
    }

    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    public Path path() {
        return path;
    }

    /** Whether the index must be built from the database: it was missing, broken, or its last rebuild did not finish. */
    public boolean needsRebuild() {
        return needsRebuild;
    }

    /** A value from the last commit's user data. */
    public synchronized String committed(String key) {
        return commitData.get(key);
    }

    /** Sets a value for the next commit's user data. */
    public synchronized void note(String key, String value) {
        commitData.put(key, value);
    }

    /** Adds or replaces a client with its contacts. */
    public void replaceFamily(long clientId, List<Document> docs) {
        write(() -> writer.updateDocuments(new Term(Schema.FAMILY, Documents.family(clientId)), docs));
    }

    /** Adds or replaces one document by its key. */
    public void replace(String type, long id, Document doc) {
        write(() -> writer.updateDocument(new Term(Schema.KEY, Documents.key(type, id)), doc));
    }

    /** Removes one document by its key. */
    public void delete(String type, long id) {
        write(() -> writer.deleteDocuments(new Term(Schema.KEY, Documents.key(type, id))));
    }

    /** Removes a client, its contacts and its interactions. */
    public void deleteClient(long clientId) {
        write(() -> writer.deleteDocuments(new Term(Schema.CLIENT, Long.toString(clientId))));
    }

    /** Removes everything a rebuild of generation {@code generation} did not write. */
    public void deleteOlderThan(long generation) {
        write(() -> writer.deleteDocuments(LongPoint.newRangeQuery(Schema.GEN, Long.MIN_VALUE, generation - 1)));
    }

    /** Removes the documents of one type matching a query. */
    public void delete(Query query) {
        write(() -> writer.deleteDocuments(query));
    }

    private interface Write {
        void run() throws IOException;
    }

    private void write(Write write) {
        try {
            write.run();
            changed.set(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes what was written so far searchable now (waits for a refresh running meanwhile). */
    public void refresh() {
        refresh(true);
    }

    /**
     * The timed refresh, paced by its own cost: a refresh that found a bulk load's documents writes a segment and takes
     * long, so the next one waits {@value #REFRESH_PACE} times as long (at most {@value #MAX_REFRESH_DELAY_MILLIS} ms).
     * Refreshes, and the merges of the small segments they write, then take at most about a fifth of a thread, and fewer,
     * larger segments are written; an index with little to refresh still refreshes every {@code refreshMillis}.
     */
    private void timedRefresh() {
        long started = System.nanoTime();
        refresh(false);
        long took = (System.nanoTime() - started) / 1_000_000;
        if (closed) {
            return;
        }
        try {
            timer.schedule(this::timedRefresh, Math.max(refreshMillis, Math.min(MAX_REFRESH_DELAY_MILLIS, took * REFRESH_PACE)),
                    TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    private void refresh(boolean wait) {
        if (closed) {
            return;
        }
        try {
            if (wait) {
                searchers.maybeRefreshBlocking();
            } else {
                searchers.maybeRefresh();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Refreshing the search index failed: {}", e.toString());
        }
    }

    /** Commits with this user data merged into the last commit's. */
    public synchronized void commit(Map<String, String> data) {
        commitData.putAll(data);
        commitData.put(INDEXED_AT, Long.toString(System.currentTimeMillis()));
        writer.setLiveCommitData(new LinkedHashMap<>(commitData).entrySet());
        try {
            writer.commit();
            changed.set(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void commitIfChanged() {
        if (closed || !changed.get()) {
            return;
        }
        try {
            commit(Map.of());
        } catch (RuntimeException e) {
            LOG.warn("Committing the search index failed: {}", e.toString());
        }
    }

    /** Runs {@code work} with a current searcher. */
    public <T> T withSearcher(SearcherWork<T> work) {
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return work.run(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                LOG.debug("Releasing a searcher failed", e);
            }
        }
    }

    /** Work with a searcher. */
    public interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    /** Live documents per type in the current searcher. */
    public Map<String, Long> counts() {
        return withSearcher(s -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String type : SearchTypes.ALL) {
                counts.put(type, (long) s.count(new TermQuery(new Term(Schema.TYPE, type))));
            }
            return counts;
        });
    }

    @Override
    public void close() throws IOException {
        closed = true;
        timer.shutdown(); // not shutdownNow: an interrupted refresh or commit closes the writer's files (ClosedByInterruptException)
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (changed.get()) {
                commit(Map.of());
            }
        } finally {
            searchers.close();
            writer.close();
            directory.close();
        }
    }
}
