package compactqa.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import compactqa.corpus.Document;

class IndexBuilderTest {

    @TempDir
    Path root;

    private final IndexBuilder builder = new IndexBuilder(16);

    @Test
    void buildDeduplicatesByTitleAndTextAndRenamesClashingIds() throws IOException {
        IndexStore store = new IndexStore(root);
        List<Document> docs = IndexTestCorpus.three();
        Document copy = new Document("another-id", docs.get(0).title(), docs.get(0).text(), docs.get(0).sentences(), "u");
        Document clash = IndexTestCorpus.SPLITTER.document("tower", "Other", "A different paragraph.", "u");
        BuildStats stats = builder.build(store, Stream.concat(docs.stream(), Stream.of(copy, clash)), AnalyzerChoice.KSTEM,
                BuildListener.NONE);
        assertEquals(4, stats.indexed());
        assertEquals(1, stats.duplicates());
        assertEquals(1, stats.renamedIds());
        assertEquals("gen-000001", stats.generation());
        try (ParagraphSearcher s = ParagraphSearcher.open(store.current().orElseThrow(), IndexTestCorpus.SETTINGS)) {
            assertEquals("Other", s.document("tower#" + clash.contentKey()).orElseThrow().title());
            assertEquals(4, s.info().documents());
        }
        BuildRecord record = BuildRecord.read(store.current().orElseThrow()).orElseThrow();
        assertEquals(4, record.paragraphs(), "the build leaves a record of its cost beside the index");
        assertTrue(record.seconds() > 0 && record.paragraphsPerSecond() > 0);
        assertEquals("", record.embedder());
    }

    @Test
    void failedBuildLeavesThePreviousIndexLiveAndCleansUp() throws IOException {
        IndexStore store = new IndexStore(root);
        builder.build(store, IndexTestCorpus.three().stream(), AnalyzerChoice.KSTEM, BuildListener.NONE);
        Path live = store.current().orElseThrow();
        Stream<Document> failing = Stream.concat(IndexTestCorpus.synthetic(1000),
                Stream.<Document>generate(() -> { throw new IllegalStateException("disk on fire"); }).limit(1));
        assertThrows(IllegalStateException.class, () -> builder.build(store, failing, AnalyzerChoice.KSTEM, BuildListener.NONE));
        assertEquals(live, store.current().orElseThrow());
        assertEquals(List.of(live), store.generations());
        try (ParagraphSearcher s = ParagraphSearcher.open(live, IndexTestCorpus.SETTINGS)) {
            assertEquals(3, s.info().documents());
        }
    }

    @Test
    void addAppendsToTheLiveIndexAndSkipsWhatItHas() throws IOException {
        IndexStore store = new IndexStore(root);
        List<Document> docs = IndexTestCorpus.three();
        builder.build(store, docs.subList(0, 2).stream(), AnalyzerChoice.STANDARD, BuildListener.NONE);
        BuildStats stats = builder.add(store, docs.stream(), BuildListener.NONE);
        assertEquals(1, stats.indexed());
        assertEquals(2, stats.duplicates());
        assertEquals(3, stats.totalDocs());
        assertEquals(AnalyzerChoice.STANDARD, stats.analyzer(), "add keeps the analyzer the index was built with");
        assertEquals(List.of(store.current().orElseThrow()), store.generations(), "add writes no new generation");
    }

    @Test
    void addRefusesAnIndexWhoseDuplicatesWereKeyedDifferently() throws IOException {
        IndexStore store = new IndexStore(root);
        builder.build(store, IndexTestCorpus.three().stream(), AnalyzerChoice.KSTEM, BuildListener.NONE);
        // an index from before content keys ignored white space records no key scheme
        try (var dir = org.apache.lucene.store.FSDirectory.open(store.current().orElseThrow());
             var writer = new org.apache.lucene.index.IndexWriter(dir, new org.apache.lucene.index.IndexWriterConfig()
                     .setOpenMode(org.apache.lucene.index.IndexWriterConfig.OpenMode.APPEND))) {
            writer.setLiveCommitData(java.util.Map.of(IndexBuilder.COMMIT_ANALYZER, "kstem").entrySet());
            writer.commit();
        }
        IndexStoreException e = assertThrows(IndexStoreException.class,
                () -> builder.add(store, IndexTestCorpus.three().stream(), BuildListener.NONE));
        assertTrue(e.getMessage().contains("rebuild it"), e.getMessage());
    }

    @Test
    void buildRepairsAPointerToAMissingGeneration() throws IOException {
        IndexStore store = new IndexStore(root);
        builder.build(store, IndexTestCorpus.three().stream(), AnalyzerChoice.KSTEM, BuildListener.NONE);
        java.nio.file.Files.writeString(root.resolve(IndexStore.CURRENT), "gen-000009\n");
        assertThrows(IndexStoreException.class, store::current);
        BuildStats stats = builder.build(store, IndexTestCorpus.three().stream(), AnalyzerChoice.KSTEM, BuildListener.NONE);
        assertEquals(store.current().orElseThrow().getFileName().toString(), stats.generation());
        assertEquals(2, store.generations().size(), "the unreferenced old generation was kept while the pointer was broken");
    }

    @Test
    void addNeedsAnIndex() {
        IndexStoreException e = assertThrows(IndexStoreException.class,
                () -> builder.add(new IndexStore(root), IndexTestCorpus.three().stream(), BuildListener.NONE));
        assertTrue(e.getMessage().contains("build one first"), e.getMessage());
    }

    @Test
    void progressIsReportedWithFinalCounts() throws IOException {
        long[] last = new long[2];
        builder.build(new IndexStore(root), IndexTestCorpus.synthetic(500), AnalyzerChoice.KSTEM, (indexed, duplicates) -> {
            last[0] = indexed;
            last[1] = duplicates;
        });
        assertEquals(500, last[0]);
        assertEquals(0, last[1]);
    }
}
