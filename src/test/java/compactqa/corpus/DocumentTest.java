package compactqa.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class DocumentTest {

    @Test
    void hotpotSentencesKeepTheirLeadingSpacesAndOffsets() {
        // HotpotQA sentences carry the space that separates them from the previous one
        Document d = Document.fromSentences("x", "T", List.of("First one.", " Second one.", " Third."), "s");
        assertEquals("First one. Second one. Third.", d.text());
        assertEquals(new Sentence(0, 10, "First one."), d.sentences().get(0));
        assertEquals(new Sentence(11, 22, "Second one."), d.sentences().get(1));
        assertEquals(new Sentence(23, 29, "Third."), d.sentences().get(2));
    }

    @Test
    void twoWikiSentencesAreJoinedWithOneSpace() {
        Document d = Document.fromSentences("x", "T", List.of("First one.", "Second one."), "s");
        assertEquals("First one. Second one.", d.text());
        assertEquals(11, d.sentences().get(1).start());
    }

    @Test
    void emptySentencesKeepTheirIndex() {
        Document d = Document.fromSentences("x", "T", List.of("A.", "", " B."), "s");
        assertEquals(3, d.sentences().size());
        assertEquals("", d.sentences().get(1).text());
        assertEquals("B.", d.sentences().get(2).text());
    }

    @Test
    void nullIdBecomesTheContentKey() {
        Document d = Document.fromSentences(null, "T", List.of("A."), "s");
        assertEquals(Document.contentKey("T", "A."), d.id());
        assertEquals(16, d.id().length());
    }

    @Test
    void contentKeySeparatesTitleFromText() {
        assertNotEquals(Document.contentKey("ab", "c"), Document.contentKey("a", "bc"));
        assertEquals(Document.contentKey("a", "b"), new Document("other", "a", "b", List.of(), "s2").contentKey());
    }

    @Test
    void contentKeyIgnoresDifferencesInSpacing() {
        // IRCoT's copy of a HotpotQA paragraph joins its sentences with two spaces
        assertEquals(Document.contentKey("T", "One.  Two."), Document.contentKey("T", " One. Two. "));
        assertEquals(Document.contentKey("T", "O!RUL8,2? is an album."), Document.contentKey("T", "O!RUL8,2?  is an album."));
        assertNotEquals(Document.contentKey("T", "One. Two."), Document.contentKey("T", "One. Three."));
    }

    @Test
    void rejectsSentencesThatDoNotMatchTheText() {
        assertThrows(IllegalArgumentException.class,
                () -> new Document("x", "T", "Hello.", List.of(new Sentence(0, 5, "Hallo")), "s"));
        assertThrows(IllegalArgumentException.class,
                () -> new Document("x", "T", "Hi.", List.of(new Sentence(0, 9, "Hi.......")), "s"));
        assertThrows(IllegalArgumentException.class, () -> new Document(" ", "T", "Hi.", List.of(), "s"));
    }

    @Test
    void topSentencesAreTheBestScoredInTextOrderSkippingUnscored() {
        Document d = Document.fromSentences("x", "T", List.of("A.", "B.", "C.", "D."), "s");
        assertEquals(List.of("B.", "D."), d.topSentences(new double[] {0.1, 0.9, Double.NaN, 0.5}, 2));
        assertEquals(List.of("A.", "B.", "D."), d.topSentences(new double[] {0.1, 0.9, Double.NaN, 0.5}, 9));
        assertEquals(List.of(), d.topSentences(new double[] {0.1, 0.9, 0.3, 0.5}, 0));
    }
}
