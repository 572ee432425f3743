package compactqa.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import compactqa.corpus.AnswerType;
import compactqa.corpus.Document;
import compactqa.dataset.QaExample;
import compactqa.dataset.ReaderExample;

class EvidenceContextsTest {

    private static Document doc(String id, String title, String... sentences) {
        return Document.fromSentences(id, title, List.of(sentences), "test");
    }

    /** Gold sentences: Alice's first, France's second; the distractor Lyon also names the answer. */
    private static QaExample multiHop(String answer) {
        List<Document> paragraphs = List.of(
                doc("d0", "Lyon", "Lyon is a city.", "Paris is mentioned here too."),
                doc("g1", "Alice", "Alice was born in the capital of France.", "She liked tea."),
                doc("g3", "France", "France is a country.", "The capital of France is Paris, on the Seine.", "It has wine."));
        return new QaExample("q1", "Where was Alice born?", List.of(answer), "bridge", paragraphs, List.of(1, 2), List.of(),
                List.of(new QaExample.SupportingFact("Alice", 0), new QaExample.SupportingFact("France", 1)), List.of(), "hotpotqa");
    }

    @Test
    void keepsEveryGoldSentenceAndLocatesTheAnswerInOne() {
        QaExample e = multiHop("Paris");
        List<ReaderExample> contexts = EvidenceContexts.of(e, 50, List.of(), new Random(3));
        assertEquals(50, contexts.size());
        boolean sawNearMiss = false;
        boolean sawDistractor = false;
        boolean sawReordered = false;
        for (ReaderExample r : contexts) {
            assertTrue(r.context().contains("Alice: Alice was born in the capital of France."), r.context());
            assertTrue(r.context().contains("The capital of France is Paris, on the Seine."), r.context());
            assertEquals("Paris", r.context().substring(r.answerStart(), r.answerStart() + 5));
            // located in the gold sentence, never in the distractor's mention
            assertTrue(r.context().startsWith("Paris, on the Seine", r.answerStart()), r.context());
            sawNearMiss |= r.context().contains("She liked tea.") || r.context().contains("It has wine.");
            sawDistractor |= r.context().contains("Lyon: ");
            sawReordered |= r.context().indexOf("France: ") < r.context().indexOf("Alice: ");
        }
        assertTrue(sawNearMiss && sawDistractor && sawReordered, "noise and order vary between contexts");
    }

    @Test
    void yesNoKeepsItsAnswerType() {
        List<ReaderExample> contexts = EvidenceContexts.of(multiHop("yes"), 3, List.of(), new Random(1));
        assertEquals(3, contexts.size());
        contexts.forEach(r -> assertEquals(AnswerType.YES, r.type()));
    }

    @Test
    void anAnswerOutsideTheGoldSentencesGivesNoExample() {
        assertTrue(EvidenceContexts.of(multiHop("tea party"), 5, List.of(), new Random(1)).isEmpty());
    }

    @Test
    void squadKeepsTheAnswerSentenceAtItsOwnOffset() {
        Document p = doc("s", "Seine", "The Seine flows through Paris.", "Paris is big.", "Paris has museums.");
        int start = p.text().indexOf("Paris has") ; // the second occurrence is the labelled one
        QaExample e = new QaExample("s1", "What has museums?", List.of("Paris"), "", List.of(p), List.of(0), List.of(), List.of(),
                List.of(new QaExample.AnswerSpan(0, start, "Paris")), "squad");
        Document other = doc("o", "Rhine", "The Rhine is long.", "It flows north.");
        for (ReaderExample r : EvidenceContexts.of(e, 20, List.of(other), new Random(5))) {
            assertTrue(r.context().startsWith("Paris has museums.", r.answerStart()), r.context());
            assertFalse(r.context().isBlank());
        }
    }
}
