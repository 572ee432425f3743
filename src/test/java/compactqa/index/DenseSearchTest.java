package compactqa.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import compactqa.corpus.Document;

/** Dense and hybrid retrieval over an index built with vectors (here from a small bag-of-words embedder). */
class DenseSearchTest {

    @TempDir
    Path root;

    /** Each word hashed into one of 64 dimensions, normalized: cosine is word overlap. */
    record BagOfWords(String id) implements Embedder {
        @Override
        public int dimension() {
            return 64;
        }

        @Override
        public List<float[]> paragraphs(List<Paragraph> paragraphs) {
            return paragraphs.stream().map(p -> query(p.title() + " " + p.text())).toList();
        }

        @Override
        public float[] query(String text) {
            float[] v = new float[64];
            for (String w : text.toLowerCase(Locale.ROOT).split("\\W+")) {
                if (!w.isEmpty()) {
                    v[Math.floorMod(w.hashCode(), 64)] += 1;
                }
            }
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            for (int i = 0; i < v.length; i++) {
                v[i] /= (float) Math.sqrt(norm);
            }
            return v;
        }
    }

    @Test
    void aBuildOnSeveralThreadsWritesEveryParagraphWithItsVectorAndPassesOnAWorkersFailure() throws IOException {
        IndexStore store = new IndexStore(root.resolve("threads"));
        BuildStats stats = new IndexBuilder(16, new BagOfWords("bow"), 2).build(store,
                Stream.concat(IndexTestCorpus.three().stream(), IndexTestCorpus.synthetic(1000)), AnalyzerChoice.KSTEM, BuildListener.NONE);
        assertEquals(1003, stats.indexed());
        try (ParagraphSearcher s = ParagraphSearcher.open(store.current().orElseThrow(),
                new SearchSettings(1.0, 1.2f, 0.75f, Retrieval.DENSE, HybridRanking.DEFAULT), new BagOfWords("bow"))) {
            assertEquals(1003, s.info().documents());
            assertEquals("tower", s.search("Eiffel Tower lattice Paris 1889 World's Fair", 1).hits().get(0).document().id());
        }
        Path live = store.current().orElseThrow();
        BagOfWords bow = new BagOfWords("bow");
        Embedder failing = new Embedder() {
            @Override
            public String id() {
                return "bow";
            }

            @Override
            public int dimension() {
                return bow.dimension();
            }

            @Override
            public List<float[]> paragraphs(List<Paragraph> paragraphs) {
                throw new IllegalStateException("encoder failed");
            }

            @Override
            public float[] query(String text) {
                return bow.query(text);
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new IndexBuilder(16, failing, 2)
                .build(store, IndexTestCorpus.synthetic(1000), AnalyzerChoice.KSTEM, BuildListener.NONE));
        assertEquals("encoder failed", e.getMessage());
        assertEquals(live, store.current().orElseThrow(), "the failed build published nothing");
    }

    private IndexStore build(Embedder embedder) throws IOException {
        IndexStore store = new IndexStore(root.resolve(embedder == null ? "bm25" : embedder.id()));
        new IndexBuilder(16, embedder).build(store, IndexTestCorpus.three().stream(), AnalyzerChoice.KSTEM, BuildListener.NONE);
        return store;
    }

    @Test
    void denseRanksByTheEmbeddersCosineAndHybridFusesBoth() throws IOException {
        Embedder words = new BagOfWords("words");
        IndexStore store = build(words);
        Path gen = store.current().orElseThrow();
        try (ParagraphSearcher dense = ParagraphSearcher.open(gen, IndexTestCorpus.SETTINGS.with(Retrieval.DENSE), words);
             ParagraphSearcher hybrid = ParagraphSearcher.open(gen, IndexTestCorpus.SETTINGS.with(Retrieval.HYBRID), words);
             ParagraphSearcher bm25 = ParagraphSearcher.open(gen, IndexTestCorpus.SETTINGS, words)) {
            SearchResult r = dense.search("search library written in Java", 3);
            assertEquals("lucene", r.hits().get(0).document().id());
            assertEquals(3, r.hits().size(), "every paragraph has a vector, near or far");
            assertTrue(r.hits().get(0).score() > r.hits().get(1).score());
            List<String> fused = hybrid.search("Who built the Eiffel Tower?", 3).hits().stream().map(h -> h.document().id()).toList();
            assertEquals(3, fused.size(), "dense adds the paragraph BM25 does not match");
            assertEquals(bm25.search("Who built the Eiffel Tower?", 3).hits().stream().map(h -> h.document().id()).toList(),
                    fused.subList(0, 2), "both rankings agree on the first two here");
        }
    }

    @Test
    void theHashingEmbedderGivesDeterministicUnitVectorsThatShareWordsNearby() throws IOException {
        HashingEmbedder hashing = HashingEmbedder.named("hashing-64");
        assertEquals("hashing-64", hashing.id());
        float[] a = hashing.query("the search library written in Java");
        assertArrayEquals(a, hashing.query("the search library written in Java"));
        assertEquals(1.0, dot(a, a), 1e-5);
        assertTrue(dot(a, hashing.query("a Java search library")) > dot(a, hashing.query("Gustave Eiffel built a tower")));
        assertThrows(IllegalArgumentException.class, () -> HashingEmbedder.named("hashing-x"));
        IndexStore store = build(hashing);
        try (ParagraphSearcher dense = ParagraphSearcher.open(store.current().orElseThrow(), IndexTestCorpus.SETTINGS.with(Retrieval.DENSE),
                hashing)) {
            assertEquals("lucene", dense.search("search library written in Java", 3).hits().get(0).document().id());
            List<Document> sample = dense.sample(20, 3);
            assertEquals(20, sample.size());
            assertEquals(sample, dense.sample(20, 3), "a seed draws the same sample");
            assertEquals(3, sample.stream().map(Document::id).distinct().count(), "with replacement, over every paragraph");
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void denseNeedsTheVectorsOfTheSameEmbedder() throws IOException {
        Path plain = build(null).current().orElseThrow();
        IndexStoreException none = assertThrows(IndexStoreException.class,
                () -> ParagraphSearcher.open(plain, IndexTestCorpus.SETTINGS.with(Retrieval.HYBRID), new BagOfWords("words")));
        assertTrue(none.getMessage().contains("no paragraph vectors"), none.getMessage());
        Path words = build(new BagOfWords("words")).current().orElseThrow();
        IndexStoreException other = assertThrows(IndexStoreException.class,
                () -> ParagraphSearcher.open(words, IndexTestCorpus.SETTINGS.with(Retrieval.DENSE), new BagOfWords("other")));
        assertTrue(other.getMessage().contains("vectors of words"), other.getMessage());
        try (ParagraphSearcher s = ParagraphSearcher.open(words, IndexTestCorpus.SETTINGS)) {
            assertEquals(2, s.search("Eiffel", 3).hits().size(), "BM25 still works without an embedder");
        }
    }

    @Test
    void addingKeepsTheIndexsEmbedder() throws IOException {
        IndexStore store = build(new BagOfWords("words"));
        var more = IndexTestCorpus.synthetic(3);
        IndexStoreException e = assertThrows(IndexStoreException.class,
                () -> new IndexBuilder(16, new BagOfWords("other")).add(store, more, BuildListener.NONE));
        assertTrue(e.getMessage().contains("paragraph vectors of words"), e.getMessage());
        assertEquals(3, new IndexBuilder(16, new BagOfWords("words")).add(store, IndexTestCorpus.synthetic(3), BuildListener.NONE)
                .indexed());
    }

    @Test
    void reciprocalRankFusionSumsWeightedInverseRanks() {
        ScoreDoc[] bm25 = {new ScoreDoc(1, 9f), new ScoreDoc(2, 5f)};
        ScoreDoc[] dense = {new ScoreDoc(2, 0.9f), new ScoreDoc(3, 0.8f)};
        ScoreDoc[] fused = new HybridRanking(0, 1).fuse(bm25, dense, 3);
        // doc 2: 1/2 + 1/1 = 1.5; doc 1: 1/1; doc 3: 1/2
        assertArrayEquals(new int[] {2, 1, 3}, java.util.Arrays.stream(fused).mapToInt(d -> d.doc).toArray());
        assertEquals(1.5f, fused[0].score, 1e-6);
        ScoreDoc[] sparseOnly = new HybridRanking(60, 0).fuse(bm25, dense, 2);
        assertArrayEquals(new int[] {1, 2}, java.util.Arrays.stream(sparseOnly).mapToInt(d -> d.doc).toArray(),
                "a dense weight of 0 keeps BM25's order");
        assertThrows(IllegalArgumentException.class, () -> new HybridRanking(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> new HybridRanking(60, Double.NaN));
    }
}
