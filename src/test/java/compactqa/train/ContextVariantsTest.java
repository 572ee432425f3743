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
import compactqa.dataset.ReaderExamples;

class ContextVariantsTest {

    private static Document doc(String id, String title, String text) {
        return new Document(id, title, text, List.of(), "test");
    }

    /** Two gold paragraphs (1 and 3) among four; the first distractor also names the answer. */
    private static QaExample multiHop(String answer) {
        List<Document> paragraphs = List.of(
                doc("d0", "Lyon", "Lyon is a city. Paris is mentioned here too."),
                doc("g1", "Alice", "Alice was born in the capital of France."),
                doc("d2", "Rome", "Rome is the capital of Italy."),
                doc("g3", "France", "The capital of France is Paris, on the Seine."));
        return new QaExample("q1", "Where was Alice born?", List.of(answer), "bridge", paragraphs, List.of(1, 3), List.of(),
                List.of(), List.of(), "hotpotqa");
    }

    @Test
    void locatesTheAnswerInsideAGoldParagraphWhateverTheLayout() {
        QaExample e = multiHop("Paris");
        List<ReaderExample> variants = ContextVariants.of(e, 40, List.of(), new Random(7));
        assertEquals(40, variants.size(), "every variant of a located answer is kept");
        String original = ReaderExamples.context(e);
        boolean sawDistractor = false;
        for (ReaderExample v : variants) {
            assertFalse(v.context().equals(original), "a variant differs from the original context");
            assertEquals(AnswerType.SPAN, v.type());
            assertEquals("Paris", v.context().substring(v.answerStart(), v.answerStart() + 5));
            int france = v.context().indexOf("France: The capital");
            assertTrue(france >= 0 && v.answerStart() > france, "the answer is the gold paragraph's, not the distractor's");
            assertTrue(v.context().contains("Alice: Alice was born"), "every gold paragraph is there, titled");
            sawDistractor |= v.context().contains("Lyon:") || v.context().contains("Rome:");
        }
        assertTrue(sawDistractor, "about half the variants carry one of the question's own distractors");
    }

    @Test
    void keepsTheDataSetsOffsetWhenAParagraphIsInsertedBefore() {
        Document gold = doc("s1", "Seine", "  The Seine flows through Paris.");
        QaExample e = new QaExample("s", "What does the Seine flow through?", List.of("Paris"), "", List.of(gold), List.of(0),
                List.of(), List.of(), List.of(new QaExample.AnswerSpan(0, gold.text().indexOf("Paris"), "Paris")), "squad");
        List<Document> pool = List.of(doc("s2", "Loire", "The Loire is longer."));
        List<ReaderExample> variants = ContextVariants.of(e, 20, pool, new Random(3));
        assertEquals(20, variants.size());
        for (ReaderExample v : variants) {
            assertTrue(v.context().contains("Loire: The Loire is longer."), "a single paragraph always gets a distractor");
            assertEquals("Paris", v.context().substring(v.answerStart(), v.answerStart() + 5));
        }
    }

    @Test
    void yesNoQuestionsKeepTheirAnswerAndUnlocatedAnswersAreDropped() {
        List<ReaderExample> yes = ContextVariants.of(multiHop("yes"), 5, List.of(), new Random(1));
        assertEquals(5, yes.size());
        yes.forEach(v -> assertEquals(AnswerType.YES, v.type()));
        assertEquals(List.of(), ContextVariants.of(multiHop("Lyon"), 5, List.of(), new Random(1)),
                "an answer only a distractor mentions is not located");
    }

    @Test
    void sameSeedSameVariants() {
        QaExample e = multiHop("Paris");
        assertEquals(ContextVariants.of(e, 6, List.of(), new Random(11)), ContextVariants.of(e, 6, List.of(), new Random(11)));
    }
}
