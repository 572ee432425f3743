package compactqa.qa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import compactqa.corpus.Document;

class LexicalRankerTest {

    private static final LexicalRanker RANKER = new LexicalRanker();

    private static Document doc(String id, String title, String text) {
        return Document.fromSentences(id, title, List.of(text), "t");
    }

    @Test
    void ordersByBm25AmongTheGivenDocumentsWithAlignedScores() {
        List<Document> docs = List.of(doc("a", "Paris", "Paris is the capital of France."),
                doc("b", "Denver", "The Broncos won Super Bowl 50 in Santa Clara."),
                doc("c", "Broncos", "The Denver Broncos are a football team."));
        LexicalRanker.Ranked r = RANKER.rankScored("Which team won Super Bowl 50?", docs);
        assertEquals(List.of("b", "c", "a"), r.documents().stream().map(Document::id).toList());
        double[] given = RANKER.scores("Which team won Super Bowl 50?", docs);
        assertArrayEquals(new double[] {given[1], given[2], given[0]}, r.scores(), "scores travel with their documents");
        assertTrue(r.scores()[0] > r.scores()[1] && r.scores()[1] > 0 && r.scores()[2] == 0);
    }

    @Test
    void titlesCountAndStemsMatch() {
        List<Document> docs = List.of(doc("a", "Rivers", "It flows north."), doc("b", "Mountains", "It rises high."));
        assertEquals("b", RANKER.rank("How high is the mountain?", docs).get(0).id(), "the title's plural meets the question's singular");
    }

    @Test
    void tiesKeepTheGivenOrderAndNoDocumentsIsNoOrder() {
        List<Document> docs = List.of(doc("x", "", "alpha"), doc("y", "", "beta"), doc("z", "", "gamma"));
        assertEquals(List.of("x", "y", "z"), RANKER.rank("delta", docs).stream().map(Document::id).toList());
        assertEquals(List.of(), RANKER.rank("delta", List.of()));
    }
}
