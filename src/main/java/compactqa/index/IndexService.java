package compactqa.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import compactqa.corpus.CorpusFile;
import compactqa.corpus.CorpusLoader;
import compactqa.corpus.Document;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The live paragraph index of this process: searches it, and builds or extends it.
 *
 * <p>Searches always run on a complete, committed generation. When this or another process
 * publishes a new generation or adds documents, searches pick it up within
 * {@link IndexConfig#refreshInterval()}; queries already running finish on the searcher they
 * started with, which closes after the last of them. Thread-safe.
 */
@ApplicationScoped
public class IndexService {

    private static final Logger LOG = Logger.getLogger(IndexService.class);

    private final IndexConfig config;
    private final CorpusLoader corpus;
    private final IndexStore store;
    private final Instance<Embedder> embedders;

    private volatile ParagraphSearcher live;
    private volatile long lastCheckNanos;
    private volatile boolean building;
    private boolean closed;

    /** A service without paragraph vectors. */
    public IndexService(IndexConfig config, CorpusLoader corpus) {
        this(config, corpus, null);
    }

    /** A service that embeds with the {@link Embedder} bean where {@code compactqa.index.dense.encoder} is set. */
    @Inject
    public IndexService(IndexConfig config, CorpusLoader corpus, Instance<Embedder> embedders) {
        if (config.search().retrieval().needsVectors() && config.dense().encoder().isEmpty()) {
            throw new IllegalArgumentException("compactqa.index.search.retrieval=" + config.search().retrieval().label()
                    + " needs compactqa.index.dense.encoder");
        }
        this.config = config;
        this.corpus = corpus;
        this.store = new IndexStore(config.dir());
        this.embedders = embedders;
    }

    /** The embedder of new builds and dense searches, or null where none is configured. */
    private Embedder embedder() {
        return config.dense().encoder().isPresent() && embedders != null ? embedders.get() : null;
    }

    public IndexStore store() {
        return store;
    }

    /**
     * The top {@code k} paragraphs for a plain-text query.
     *
     * @throws IndexUnavailableException if there is no index yet
     * @throws InvalidQueryException     if the query has no searchable term
     */
    public SearchResult search(String query, int k) {
        return search(query, k, true);
    }

    /** As {@link #search(String, int)}, without snippets if {@code snippets} is false (cheaper). */
    public SearchResult search(String query, int k, boolean snippets) {
        return withSearcher(s -> s.search(query, k, snippets));
    }

    /** The paragraphs whose titles {@code text} names, as {@link ParagraphSearcher#mentioned}. */
    public List<SearchHit> mentioned(String text, int k) {
        return withSearcher(s -> s.mentioned(text, k));
    }

    /** The paragraph with this id, if the live index has it. */
    public Optional<Document> document(String id) {
        return withSearcher(s -> s.document(id));
    }

    /** A description of the live index. */
    public IndexInfo info() {
        return withSearcher(s -> {
            try {
                return s.info();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Whether an index is open and serving. */
    public boolean isReady() {
        try {
            maybeRefresh(false);
        } catch (RuntimeException e) {
            LOG.debugf("index not ready: %s", e.getMessage());
        }
        return live != null;
    }

    /**
     * Builds a new generation from {@code files} and switches searches to it.
     *
     * @param diskBytesRead receives the bytes read from disk as the build goes, for progress
     */
    public BuildStats build(List<CorpusFile> files, LongAdder diskBytesRead, BuildListener listener) throws IOException {
        building = true;
        try (Stream<Document> docs = corpus.read(files, diskBytesRead)) {
            BuildStats stats = IndexBuilder.of(embedder(), config.buildThreads()).build(store, docs, AnalyzerChoice.of(config.analyzer()), listener);
            maybeRefresh(true);
            return stats;
        } finally {
            building = false;
        }
    }

    /** Adds the paragraphs of {@code files} to the live index, skipping those it has. */
    public BuildStats add(List<CorpusFile> files, LongAdder diskBytesRead, BuildListener listener) throws IOException {
        try (Stream<Document> docs = corpus.read(files, diskBytesRead)) {
            BuildStats stats = IndexBuilder.of(embedder(), config.buildThreads()).add(store, docs, listener);
            maybeRefresh(true);
            return stats;
        }
    }

    /**
     * Opens the live index, first building one from the default corpus if there is none, as on the
     * first start of the service.
     *
     * @return the build's statistics, or empty if an index was already there
     */
    public Optional<BuildStats> ensureIndex(BuildListener listener) throws IOException {
        if (store.current().isPresent()) {
            maybeRefresh(true);
            return Optional.empty();
        }
        Path source = config.defaultCorpus().stream().filter(Files::exists).findFirst()
                .orElseThrow(() -> new IndexStoreException("no index at " + store.root()
                        + " and none of the default corpora exists: " + config.defaultCorpus()));
        LOG.infof("no index at %s yet: building it from %s", store.root(), source.toAbsolutePath().normalize());
        return Optional.of(build(corpus.plan(List.of(source)), new LongAdder(), listener));
    }

    private <T> T withSearcher(Function<ParagraphSearcher, T> use) {
        maybeRefresh(false);
        while (true) {
            ParagraphSearcher searcher = live;
            if (searcher == null) {
                throw new IndexUnavailableException(building
                        ? "the index is being built; try again shortly"
                        : "no index is open: the service may be starting, or none was built yet ('qa index build')");
            }
            if (searcher.tryAcquire()) {
                try {
                    return use.apply(searcher);
                } finally {
                    searcher.release();
                }
            }
            // the searcher was swapped out and closed between the read and the acquire: take the new one
        }
    }

    private void maybeRefresh(boolean force) {
        long now = System.nanoTime();
        if (!force && live != null && now - lastCheckNanos < config.refreshInterval().toNanos()) {
            return;
        }
        synchronized (this) {
            if (closed) {
                throw new IndexUnavailableException("the index is closed: the service is shutting down");
            }
            if (!force && live != null && now - lastCheckNanos < config.refreshInterval().toNanos()) {
                return;
            }
            lastCheckNanos = now;
            try {
                Optional<Path> current = store.current();
                ParagraphSearcher old = live;
                if (current.isEmpty()) {
                    return;
                }
                ParagraphSearcher next;
                if (old == null || !old.generation().equals(current.get())) {
                    next = ParagraphSearcher.open(current.get(), config.searchSettings(), embedder());
                    LOG.infof("serving index %s", current.get());
                } else {
                    next = old.reopenIfChanged();
                }
                if (next != null) {
                    live = next;
                    if (old != null) {
                        old.close();
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (live == null) {
                    throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
                }
                LOG.warnf("keeping the index being served: cannot switch to the newer one: %s", e.getMessage());
            }
        }
    }

    /** Closes the live index; searches running on it finish first, later ones are refused. */
    @PreDestroy
    synchronized void close() {
        closed = true;
        ParagraphSearcher searcher = live;
        live = null;
        if (searcher != null) {
            searcher.close();
        }
    }
}
