package compactqa.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;

import compactqa.corpus.Document;

/**
 * Search over one generation of the index: BM25, dense (nearest paragraph vectors), or both fused,
 * as {@link SearchSettings#retrieval()} says.
 *
 * <p>A query is plain text, never Lucene syntax, so no user input can be malformed: it is analyzed
 * like the index, and each distinct term is looked up in the text and, weighted by
 * {@link SearchSettings#titleBoost()}, in the title, with repeated terms weighing more.
 *
 * <p>Thread-safe; share one instance. It is reference-counted so that a live index can be swapped
 * under running queries: {@link #tryAcquire()} before use and {@link #release()} after; the
 * reader and directory close when the last reference goes, {@link #close()} dropping the owner's.
 */
public final class ParagraphSearcher implements Closeable {

    /** Upper bound on distinct query terms, to stay clear of Lucene's clause limit with two fields. */
    public static final int MAX_TERMS = 256;
    /** How deep each of the two rankings hybrid retrieval fuses is read. */
    static final int FUSION_DEPTH = 100;
    /** How many best title matches {@link #mentioned} checks for a whole-phrase mention. */
    static final int MENTION_CANDIDATES = 200;
    private static final Set<String> TITLE_ONLY = Set.of(IndexFields.TITLE);

    private final Path generation;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer;
    private final AnalyzerChoice analyzerChoice;
    private final SearchSettings settings;
    private final UnifiedHighlighter highlighter;
    /** Shared with the searchers reopened from this one; closes after the last of them. */
    private final SharedDirectory directory;
    private final Embedder embedder;
    private final AtomicInteger references = new AtomicInteger(1);

    private ParagraphSearcher(Path generation, DirectoryReader reader, AnalyzerChoice analyzerChoice,
                              SearchSettings settings, Embedder embedder, SharedDirectory directory) {
        this.embedder = embedder;
        this.generation = generation;
        this.directory = directory;
        this.reader = reader;
        this.analyzerChoice = analyzerChoice;
        this.analyzer = analyzerChoice.create();
        this.settings = settings;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(new BM25Similarity(settings.k1(), settings.b()));
        this.highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<b>", "</b>", " … ", true))
                .withMaxNoHighlightPassages(1)
                .build();
    }

    /** Opens the index in {@code generation} (a directory holding a committed Lucene index) for BM25 search. */
    public static ParagraphSearcher open(Path generation, SearchSettings settings) throws IOException {
        return open(generation, settings, null);
    }

    /**
     * Opens the index in {@code generation}, embedding queries with {@code embedder} where
     * {@code settings} retrieve densely (it must be the embedder the index was built with).
     *
     * @throws IndexStoreException if dense retrieval is asked of an index without the embedder's vectors
     */
    public static ParagraphSearcher open(Path generation, SearchSettings settings, Embedder embedder) throws IOException {
        SharedDirectory dir = new SharedDirectory(FSDirectory.open(generation));
        DirectoryReader reader = null;
        try {
            reader = DirectoryReader.open(dir.directory);
            if (settings.retrieval().needsVectors()) {
                String vectors = reader.getIndexCommit().getUserData().get(IndexBuilder.COMMIT_EMBEDDER);
                if (vectors == null) {
                    throw new IndexStoreException("the index at " + generation + " holds no paragraph vectors: "
                            + settings.retrieval().label() + " retrieval needs an index built with an embedder");
                }
                if (embedder == null || !vectors.equals(embedder.id())) {
                    throw new IndexStoreException("the index at " + generation + " holds paragraph vectors of " + vectors
                            + ", not of " + (embedder == null ? "no embedder" : embedder.id()));
                }
            }
            return new ParagraphSearcher(generation, reader, IndexBuilder.analyzerOf(reader), settings, embedder, dir);
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(reader);
            dir.release();
            throw e;
        }
    }

    /**
     * A searcher over the index as it is now, sharing unchanged segments with this one, or null if
     * nothing was committed since this one opened. The caller owns the new searcher.
     */
    public ParagraphSearcher reopenIfChanged() throws IOException {
        if (!tryAcquire()) {
            throw new IllegalStateException("searcher of " + generation + " is closed");
        }
        try {
            DirectoryReader newer = DirectoryReader.openIfChanged(reader);
            if (newer == null) {
                return null;
            }
            directory.acquire();
            return new ParagraphSearcher(generation, newer, analyzerChoice, settings, embedder, directory);
        } finally {
            release();
        }
    }

    /** The generation directory this searcher reads. */
    public Path generation() {
        return generation;
    }

    /**
     * The top {@code k} paragraphs for {@code query}, with snippets.
     *
     * @throws InvalidQueryException if the query has no searchable term
     */
    public SearchResult search(String query, int k) {
        return search(query, k, true);
    }

    /**
     * The top {@code k} paragraphs for {@code query}; without snippets (empty strings) when
     * {@code snippets} is false, which saves re-analyzing every hit's text.
     *
     * @throws InvalidQueryException if the query has no searchable term
     */
    public SearchResult search(String query, int k, boolean snippets) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        Map<String, Integer> terms = analyze(query);
        if (terms.isEmpty()) {
            throw new InvalidQueryException("the query has no searchable words (only punctuation or common words like 'the')");
        }
        Query lucene = toQuery(terms);
        try {
            TopDocs top = switch (settings.retrieval()) {
                case BM25 -> searcher.search(lucene, k);
                case DENSE -> searcher.search(nearest(query, k), k);
                case HYBRID -> {
                    int depth = Math.max(k, FUSION_DEPTH);
                    TopDocs sparse = searcher.search(lucene, depth);
                    TopDocs dense = searcher.search(nearest(query, depth), depth);
                    yield new TopDocs(sparse.totalHits, settings.fusion().fuse(sparse.scoreDocs, dense.scoreDocs, k));
                }
            };
            String[] passages = snippets ? highlighter.highlight(IndexFields.TEXT, lucene, top, 1) : new String[top.scoreDocs.length];
            StoredFields stored = searcher.storedFields();
            List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
            for (int i = 0; i < top.scoreDocs.length; i++) {
                ScoreDoc sd = top.scoreDocs[i];
                Document doc = IndexFields.fromLucene(stored.document(sd.doc));
                hits.add(new SearchHit(i + 1, sd.score, doc, passages[i] != null ? passages[i].strip() : ""));
            }
            return new SearchResult(List.copyOf(terms.keySet()), top.totalHits.value(),
                    top.totalHits.relation() == TotalHits.Relation.EQUAL_TO, hits);
        } catch (IOException e) {
            throw new UncheckedIOException("search failed on " + generation, e);
        }
    }

    /**
     * Up to {@code k} paragraphs whose title {@code text} names as a whole phrase (see
     * {@link TitleMentions}), best title match first: where a hyperlink in the text would lead. A
     * bridge question's second paragraph is usually named by the first one's text rather than by the
     * question, so this finds it where a query over the words does not.
     */
    public List<SearchHit> mentioned(String text, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        Map<String, Integer> terms = analyze(text);
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder titles = new BooleanQuery.Builder();
        terms.keySet().forEach(t -> titles.add(new TermQuery(new Term(IndexFields.TITLE, t)), BooleanClause.Occur.SHOULD));
        TitleMentions mentions = new TitleMentions(text);
        try {
            TopDocs top = searcher.search(titles.build(), MENTION_CANDIDATES);
            StoredFields stored = searcher.storedFields();
            List<SearchHit> hits = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                // the title alone decides; only a named paragraph is read whole
                if (mentions.names(stored.document(sd.doc, TITLE_ONLY).get(IndexFields.TITLE))) {
                    Document doc = IndexFields.fromLucene(stored.document(sd.doc));
                    hits.add(new SearchHit(hits.size() + 1, sd.score, doc, ""));
                    if (hits.size() == k) {
                        break;
                    }
                }
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("search failed on " + generation, e);
        }
    }

    /** The {@code k} paragraphs whose vectors are nearest the query's. */
    private Query nearest(String query, int k) {
        return new KnnFloatVectorQuery(IndexFields.VECTOR, embedder.query(query), k);
    }

    /** The paragraph with this id, if the index has it. */
    public Optional<Document> document(String id) {
        try {
            TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.ID, id)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(IndexFields.fromLucene(searcher.storedFields().document(top.scoreDocs[0].doc)));
        } catch (IOException e) {
            throw new UncheckedIOException("lookup failed on " + generation, e);
        }
    }

    /**
     * {@code n} paragraphs drawn uniformly at random (with replacement) with {@code seed}: the
     * source of a scale benchmark's queries, so that each query has a paragraph it is about.
     */
    public List<Document> sample(int n, long seed) {
        if (reader.numDocs() == 0) {
            throw new IllegalStateException("the index at " + generation + " is empty");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Document> out = new ArrayList<>(n);
        try {
            StoredFields stored = searcher.storedFields();
            Bits live = MultiBits.getLiveDocs(reader);
            while (out.size() < n) {
                int doc = random.nextInt(reader.maxDoc());
                if (live == null || live.get(doc)) {
                    out.add(IndexFields.fromLucene(stored.document(doc)));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("sampling failed on " + generation, e);
        }
    }

    /** Size, composition and provenance of the index. */
    public IndexInfo info() throws IOException {
        Map<String, Long> sources = new TreeMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(IndexFields.SOURCE);
            if (terms == null) {
                continue;
            }
            TermsEnum te = terms.iterator();
            for (BytesRef term = te.next(); term != null; term = te.next()) {
                sources.merge(term.utf8ToString(), (long) te.docFreq(), Long::sum);
            }
        }
        return new IndexInfo(generation.getFileName().toString(), reader.numDocs(), reader.numDeletedDocs(), reader.leaves().size(),
                IndexBuilder.diskBytes(generation), analyzerChoice,
                reader.getIndexCommit().getUserData().getOrDefault(IndexBuilder.COMMIT_CREATED, ""), sources);
    }

    /** Takes a reference for one use; false if this searcher has already closed. */
    public boolean tryAcquire() {
        for (int n = references.get(); n > 0; n = references.get()) {
            if (references.compareAndSet(n, n + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Gives back a reference taken by {@link #tryAcquire()}. */
    public void release() {
        int left = references.decrementAndGet();
        if (left == 0) {
            try (analyzer) {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close index reader of " + generation, e);
            } finally {
                directory.release();
            }
        } else if (left < 0) {
            throw new IllegalStateException("searcher of " + generation + " released more often than acquired");
        }
    }

    /** A directory opened once per generation and closed when the last searcher over it closes. */
    private static final class SharedDirectory {
        private final Directory directory;
        private final AtomicInteger references = new AtomicInteger(1);

        SharedDirectory(Directory directory) {
            this.directory = directory;
        }

        void acquire() {
            references.incrementAndGet();
        }

        void release() {
            if (references.decrementAndGet() == 0) {
                try {
                    directory.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot close index directory", e);
                }
            }
        }
    }

    @Override
    public void close() {
        release();
    }

    /** The distinct analyzed terms of {@code text} in order of appearance, with their counts. */
    Map<String, Integer> analyze(String text) {
        Map<String, Integer> terms = new LinkedHashMap<>();
        try (TokenStream ts = analyzer.tokenStream(IndexFields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (terms.size() < MAX_TERMS || terms.containsKey(t)) {
                    terms.merge(t, 1, Integer::sum);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysis of an in-memory string cannot fail", e);
        }
        return terms;
    }

    private Query toQuery(Map<String, Integer> terms) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        terms.forEach((term, count) -> {
            query.add(boost(new TermQuery(new Term(IndexFields.TEXT, term)), count), BooleanClause.Occur.SHOULD);
            if (settings.titleBoost() > 0) {
                query.add(boost(new TermQuery(new Term(IndexFields.TITLE, term)), (float) (count * settings.titleBoost())),
                        BooleanClause.Occur.SHOULD);
            }
        });
        return query.build();
    }

    private static Query boost(Query query, float weight) {
        return weight == 1f ? query : new BoostQuery(query, weight);
    }
}
