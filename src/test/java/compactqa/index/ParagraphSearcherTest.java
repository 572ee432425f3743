package compactqa.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import compactqa.corpus.Document;

class ParagraphSearcherTest {

    @TempDir
    Path root;

    private IndexStore store;

    @BeforeEach
    void build() throws IOException {
        store = new IndexStore(root);
        new IndexBuilder(16).build(store, IndexTestCorpus.three().stream(), AnalyzerChoice.KSTEM, BuildListener.NONE);
    }

    @Test
    void mentionedFindsTheParagraphsWhoseTitlesTheTextNamesAsAPhrase() throws IOException {
        try (ParagraphSearcher s = ParagraphSearcher.open(store.current().orElseThrow(), IndexTestCorpus.SETTINGS)) {
            List<SearchHit> hits = s.mentioned("The tower was designed by the company of Gustave Eiffel, who read about Apache Lucene.", 5);
            assertEquals(java.util.Set.of("eiffel", "lucene"), hits.stream().map(h -> h.document().id()).collect(java.util.stream.Collectors.toSet()));
            assertEquals(List.of(1, 2), hits.stream().map(SearchHit::rank).toList());
            // "Eiffel" and "tower" are both in the text, but never as the phrase "Eiffel Tower"
            assertTrue(s.mentioned("Eiffel built a tower.", 5).isEmpty());
            assertEquals(1, s.mentioned("Gustave Eiffel and Apache Lucene", 1).size());
            assertTrue(s.mentioned("the of and", 5).isEmpty(), "no searchable word: nothing is named");
        }
    }

    @Test
    void ranksByBm25OverTitleAndText() throws IOException {
        try (ParagraphSearcher s = ParagraphSearcher.open(store.current().orElseThrow(), IndexTestCorpus.SETTINGS)) {
            SearchResult r = s.search("Who built the Eiffel Tower?", 3);
            assertEquals(List.of("who", "built", "eiffel", "tower"), r.terms());
            assertEquals(List.of("tower", "eiffel"), r.hits().stream().map(h -> h.document().id()).toList());
            assertEquals(2, r.totalHits());
            assertTrue(r.hits().get(0).score() > r.hits().get(1).score());
            assertEquals(1, r.hits().get(0).rank());
        }
    }

    @Test
    void titleBoostZeroSearchesTextOnly() throws IOException {
        IndexStore other = new IndexStore(root.resolve("other"));
        // "Gustave" only in a title; "engineer" only in a text
        new IndexBuilder(16).build(other, java.util.stream.Stream.of(
                IndexTestCorpus.SPLITTER.document("a", "Gustave Eiffel", "He was a French engineer.", "t"),
                IndexTestCorpus.SPLITTER.document("b", "Other", "Gustave was mentioned in passing by an engineer.", "t")),
                AnalyzerChoice.KSTEM, BuildListener.NONE);
        try (ParagraphSearcher textOnly = ParagraphSearcher.open(other.current().orElseThrow(), new SearchSettings(0, 1.2f, 0.75f));
             ParagraphSearcher withTitles = ParagraphSearcher.open(other.current().orElseThrow(), new SearchSettings(2, 1.2f, 0.75f))) {
            assertEquals(List.of("b"), textOnly.search("Gustave", 5).hits().stream().map(h -> h.document().id()).toList(),
                    "the title alone does not match");
            assertEquals(List.of("a", "b"), withTitles.search("Gustave", 5).hits().stream().map(h -> h.document().id()).toList(),
                    "a boosted title match ranks first");
        }
    }

    @Test
    void snippetsMarkMatchesAndEscapeHtml() throws IOException {
        try (ParagraphSearcher s = ParagraphSearcher.open(store.current().orElseThrow(), IndexTestCorpus.SETTINGS)) {
            SearchHit hit = s.search("world's fair", 1).hits().get(0);
            assertEquals("It was built for the 1889 <b>World&#x27;s</b> <b>Fair</b>.", hit.snippet());
        }
    }

    @Test
    void stemmingAndPossessivesMatch() throws IOException {
        try (ParagraphSearcher s = ParagraphSearcher.open(store.current().orElseThrow(), IndexTestCorpus.SETTINGS)) {
            assertEquals("lucene", s.search("ranking libraries", 1).hits().get(0).document().id());
        }
    }

    @Test
    void queriesWithoutSearchableWordsAreRejected() throws IOException {
        try (ParagraphSearcher s = ParagraphSearcher.open(store.current().orElseThrow(), IndexTestCorpus.SETTINGS)) {
            assertThrows(InvalidQueryException.class, () -> s.search("the of and ?!", 3));
            assertThrows(IllegalArgumentException.class, () -> s.search("tower", 0));
        }
    }

    @Test
    void documentsComeBackWithTheirSentences() throws IOException {
        try (ParagraphSearcher s = ParagraphSearcher.open(store.current().orElseThrow(), IndexTestCorpus.SETTINGS)) {
            Document original = IndexTestCorpus.three().get(1);
            assertEquals(original, s.document("tower").orElseThrow());
            assertTrue(s.document("nope").isEmpty());
        }
    }

    @Test
    void reopenSeesAddedDocumentsAndOldSearcherKeepsWorkingUntilReleased() throws IOException {
        ParagraphSearcher first = ParagraphSearcher.open(store.current().orElseThrow(), IndexTestCorpus.SETTINGS);
        assertNull(first.reopenIfChanged());
        new IndexBuilder(16).add(store, Stream.of(IndexTestCorpus.SPLITTER.document("dijon", "Dijon", "Dijon is a city in France.", "t")),
                BuildListener.NONE);
        ParagraphSearcher second = first.reopenIfChanged();
        assertTrue(first.tryAcquire());
        first.close();
        assertEquals(2, first.search("Paris", 5).hits().size(), "an acquired searcher outlives its owner's close");
        first.release();
        assertFalse(first.tryAcquire());
        assertEquals("dijon", second.search("Dijon", 1).hits().get(0).document().id());
        second.close();
    }
}
