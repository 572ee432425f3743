package compactqa.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.jboss.logging.Logger;

import compactqa.corpus.Document;
import compactqa.metrics.ProcessMemory;

/**
 * Writes paragraphs into an {@link IndexStore}, deduplicating them by title and text.
 *
 * <p>{@link #build} writes a complete new generation and publishes it only after Lucene has
 * committed it; until then, and forever if the process dies, the previous generation stays live.
 * {@link #add} appends to the live generation in one Lucene commit, which is atomic too. Both hold
 * the store's write lock for their whole run. With an {@link Embedder}, each paragraph's vector is
 * written with it (paragraphs are embedded in batches of {@value #EMBED_BATCH}), and the commit records
 * which embedder made them. A build leaves a {@link BuildRecord} of its cost in the generation's folder. Not thread-safe per call; stateless between calls.
 */
public final class IndexBuilder {

    private static final Logger LOG = Logger.getLogger(IndexBuilder.class);
    private static final long PROGRESS_EVERY_NANOS = 250_000_000L;
    static final String COMMIT_ANALYZER = "analyzer";
    static final String COMMIT_CREATED = "created";
    /** Version of {@link Document#contentKey()}: an index keyed otherwise cannot deduplicate additions. */
    static final String COMMIT_KEY_SCHEME = "content-key";
    static final String KEY_SCHEME = "2";
    /** The {@link Embedder#id()} of the paragraph vectors; absent in a BM25-only index. */
    static final String COMMIT_EMBEDDER = "embedder";
    /** Paragraphs per embedding call: enough to sort by length and pad little. */
    private static final int EMBED_BATCH = 64;

    private final double ramBufferMb;
    private final Embedder embedder;
    private final int threads;

    public IndexBuilder() {
        this(256);
    }

    public IndexBuilder(double ramBufferMb) {
        this(ramBufferMb, null);
    }

    /** A builder with the default RAM buffer that also stores each paragraph's vector from {@code embedder} (null: none). */
    public IndexBuilder(Embedder embedder) {
        this(256, embedder);
    }

    /** A builder that also stores each paragraph's vector from {@code embedder} (null: none, BM25 only). */
    public IndexBuilder(double ramBufferMb, Embedder embedder) {
        this(ramBufferMb, embedder, 1);
    }

    /**
     * A builder that embeds and writes batches of paragraphs on {@code threads} threads (Lucene's
     * writer is thread-safe: each thread fills its own segment, building its own vector graph, which
     * is what bounds a build with vectors). With more than one, the order of documents in the index,
     * and so the order of equal-scoring hits, depends on scheduling; one thread keeps builds repeatable.
     */
    public IndexBuilder(double ramBufferMb, Embedder embedder, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("build threads must be at least 1, got " + threads);
        }
        this.ramBufferMb = ramBufferMb;
        this.embedder = embedder;
        this.threads = threads;
    }

    /** This builder with the default RAM buffer, embedding with {@code embedder} on {@code threads} threads. */
    public static IndexBuilder of(Embedder embedder, int threads) {
        return new IndexBuilder(256, embedder, threads);
    }

    /** Builds a new generation from {@code docs} and makes it the live index. */
    public BuildStats build(IndexStore store, Stream<Document> docs, AnalyzerChoice analyzer, BuildListener listener)
            throws IOException {
        long start = System.nanoTime();
        try (Lock lock = store.lockForWriting()) {
            store.removeStaleGenerations();
            Path generation = store.newGeneration();
            boolean published = false;
            try {
                Counts counts;
                try (Directory dir = FSDirectory.open(generation);
                     Analyzer a = analyzer.create();
                     IndexWriter writer = new IndexWriter(dir, config(a, IndexWriterConfig.OpenMode.CREATE))) {
                    counts = write(writer, docs, new HashSet<>(), new HashSet<>(), null, listener, lock);
                    Map<String, String> commit = new HashMap<>(Map.of(COMMIT_ANALYZER, analyzer.id(),
                            COMMIT_CREATED, Instant.now().toString(), COMMIT_KEY_SCHEME, KEY_SCHEME));
                    if (embedder != null) {
                        commit.put(COMMIT_EMBEDDER, embedder.id());
                    }
                    writer.setLiveCommitData(commit.entrySet());
                    writer.commit();
                }
                BuildStats stats = stats(generation, counts, counts.indexed, start, analyzer);
                new BuildRecord(counts.indexed, stats.seconds(), ProcessMemory.peakRssBytes(),
                        embedder == null ? "" : embedder.id(), ramBufferMb).write(generation);
                store.publish(generation);
                published = true;
                try {
                    store.removeStaleGenerations();
                } catch (IOException e) {
                    // the build succeeded and is live: leftovers are removed by the next build
                    LOG.warnf("cannot remove old index generations: %s", e.getMessage());
                }
                LOG.infof("published index %s: %d documents, %d duplicates skipped", generation.getFileName(),
                        counts.indexed, counts.duplicates);
                return stats;
            } catch (IOException | RuntimeException | Error e) {
                if (!published) {
                    try {
                        IndexStore.deleteTree(generation);
                    } catch (IOException cleanup) {
                        e.addSuppressed(cleanup);
                    }
                }
                throw e;
            }
        }
    }

    /**
     * Adds {@code docs} to the live index, skipping paragraphs it already holds.
     *
     * @throws IndexStoreException if there is no live index yet
     */
    public BuildStats add(IndexStore store, Stream<Document> docs, BuildListener listener) throws IOException {
        long start = System.nanoTime();
        try (Lock lock = store.lockForWriting()) {
            Path generation = store.current()
                    .orElseThrow(() -> new IndexStoreException("no index at " + store.root() + " to add to; build one first"));
            try (Directory dir = FSDirectory.open(generation);
                 DirectoryReader existing = DirectoryReader.open(dir)) {
                AnalyzerChoice analyzer = analyzerOf(existing);
                String vectors = existing.getIndexCommit().getUserData().get(COMMIT_EMBEDDER);
                if (!Objects.equals(vectors, embedder == null ? null : embedder.id())) {
                    throw new IndexStoreException("the index at " + generation + " holds " + (vectors == null ? "no paragraph vectors"
                            : "paragraph vectors of " + vectors) + "; add with " + (vectors == null ? "no embedder" : "the same embedder")
                            + " or rebuild it");
                }
                if (!KEY_SCHEME.equals(existing.getIndexCommit().getUserData().get(COMMIT_KEY_SCHEME))) {
                    throw new IndexStoreException("the index at " + generation + " was built by an older version that "
                            + "identified duplicates differently; rebuild it with 'qa index build' before adding");
                }
                try (Analyzer a = analyzer.create();
                     IndexWriter writer = new IndexWriter(dir, config(a, IndexWriterConfig.OpenMode.APPEND))) {
                    Counts counts = write(writer, docs, new HashSet<>(), new HashSet<>(), new IndexSearcher(existing),
                            listener, lock);
                    writer.setLiveCommitData(existing.getIndexCommit().getUserData().entrySet());
                    writer.commit();
                    Files.deleteIfExists(generation.resolve(BuildRecord.FILE)); // it described the generation before this add
                    return stats(generation, counts, writer.getDocStats().numDocs, start, analyzer);
                }
            }
        }
    }

    /** The analyzer an index was built with, from its commit data. */
    static AnalyzerChoice analyzerOf(DirectoryReader reader) throws IOException {
        String id = reader.getIndexCommit().getUserData().get(COMMIT_ANALYZER);
        if (id == null) {
            throw new IndexStoreException("index at " + reader.directory() + " does not record its analyzer; rebuild it");
        }
        return AnalyzerChoice.of(id);
    }

    private IndexWriterConfig config(Analyzer analyzer, IndexWriterConfig.OpenMode mode) {
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setOpenMode(mode);
        config.setRAMBufferSizeMB(ramBufferMb);
        config.setCommitOnClose(false);
        return config;
    }

    private Counts write(IndexWriter writer, Stream<Document> docs, Set<String> keys, Set<String> ids,
                         IndexSearcher existing, BuildListener listener, Lock lock) throws IOException {
        try (Batches batches = new Batches(writer)) {
            return write(batches, docs, keys, ids, existing, listener, lock);
        }
    }

    private Counts write(Batches batches, Stream<Document> docs, Set<String> keys, Set<String> ids,
                         IndexSearcher existing, BuildListener listener, Lock lock) throws IOException {
        Counts counts = new Counts();
        long lastReport = System.nanoTime();
        List<Document> pending = new ArrayList<>(EMBED_BATCH);
        Iterator<Document> it = docs.iterator();
        while (it.hasNext()) {
            Document doc = it.next();
            String key = doc.contentKey();
            if (!keys.add(key) || (existing != null && existing.count(new TermQuery(new Term(IndexFields.KEY, key))) > 0)) {
                counts.duplicates++;
            } else {
                if (!ids.add(doc.id()) || (existing != null
                        && existing.count(new TermQuery(new Term(IndexFields.ID, doc.id()))) > 0)) {
                    doc = new Document(doc.id() + "#" + key, doc.title(), doc.text(), doc.sentences(), doc.source());
                    ids.add(doc.id());
                    counts.renamedIds++;
                }
                pending.add(doc);
                if (pending.size() == EMBED_BATCH) {
                    batches.write(pending);
                }
                counts.indexed++;
            }
            long now = System.nanoTime();
            if (now - lastReport >= PROGRESS_EVERY_NANOS) {
                lock.ensureValid();
                listener.onProgress(counts.indexed, counts.duplicates);
                lastReport = now;
            }
        }
        batches.write(pending);
        batches.finish();
        listener.onProgress(counts.indexed, counts.duplicates);
        return counts;
    }

    /** Adds {@code docs}, with their vectors if this builder embeds, and empties the list. */
    private void addAll(IndexWriter writer, List<Document> docs) throws IOException {
        List<float[]> vectors = embedder == null ? null
                : embedder.paragraphs(docs.stream().map(d -> new Embedder.Paragraph(d.title(), d.text())).toList());
        for (int i = 0; i < docs.size(); i++) {
            writer.addDocument(IndexFields.toLucene(docs.get(i), vectors == null ? null : vectors.get(i)));
        }
        docs.clear();
    }

    /**
     * Writes batches on the calling thread, or on the builder's worker threads with at most two
     * batches each in flight, so that reading and deduplicating (on the caller) run ahead of
     * embedding and indexing without holding the corpus in memory. A worker's failure is rethrown
     * on the caller at its next batch or at {@link #finish()}.
     */
    private final class Batches implements AutoCloseable {
        private final IndexWriter writer;
        private final ExecutorService workers;
        private final Semaphore inFlight = new Semaphore(2 * threads);
        private final List<Future<?>> running = new ArrayList<>();

        Batches(IndexWriter writer) {
            this.writer = writer;
            this.workers = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
        }

        /** Writes {@code docs} (now or on a worker) and empties the list. */
        void write(List<Document> docs) throws IOException {
            if (workers == null || docs.isEmpty()) {
                addAll(writer, docs);
                return;
            }
            List<Document> batch = new ArrayList<>(docs);
            docs.clear();
            rethrowFailures(false);
            inFlight.acquireUninterruptibly();
            running.add(workers.submit(() -> {
                try {
                    addAll(writer, batch);
                    return null;
                } finally {
                    inFlight.release();
                }
            }));
        }

        /** Waits for every batch written so far. */
        void finish() throws IOException {
            rethrowFailures(true);
        }

        private void rethrowFailures(boolean wait) throws IOException {
            for (Iterator<Future<?>> it = running.iterator(); it.hasNext(); ) {
                Future<?> f = it.next();
                if (!wait && !f.isDone()) {
                    continue;
                }
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while writing the index", e);
                } catch (ExecutionException e) {
                    switch (e.getCause()) {
                        case IOException io -> throw io;
                        case RuntimeException r -> throw r;
                        case Error err -> throw err;
                        default -> throw new IOException(e.getCause());
                    }
                }
                it.remove();
            }
        }

        /** Lets the batches in flight finish (at most two per worker): a writer must not be closed under them. */
        @Override
        public void close() {
            if (workers != null) {
                workers.shutdown();
                try {
                    workers.awaitTermination(10, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static BuildStats stats(Path generation, Counts counts, long totalDocs, long startNanos,
                                    AnalyzerChoice analyzer) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return new BuildStats(generation.getFileName().toString(), counts.indexed, counts.duplicates, counts.renamedIds,
                totalDocs, seconds, diskBytes(generation), analyzer);
    }

    /**
     * Total size of the files in an index directory. Lucene deletes merged-away files at any time,
     * so files that vanish while being counted count as nothing rather than failing the call.
     */
    static long diskBytes(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(file -> {
                try {
                    return Files.isRegularFile(file) ? Files.size(file) : 0;
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static final class Counts {
        long indexed;
        long duplicates;
        long renamedIds;
    }
}
