package compactqa.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import compactqa.corpus.AnswerType;
import compactqa.dataset.ReaderExample;
import compactqa.model.Tensor;

class WordSubstitutionTest {

    // cities along the first axis, animals along the second; "##s" and "of" are never candidates
    private static final List<String> VOCAB = List.of("[PAD]", "paris", "london", "berlin", "cat", "dog", "##s", "of", "river");
    private static final float[][] VECTORS = {
            {0, 0, 1}, {1, 0, 0}, {0.9f, 0.1f, 0}, {0.8f, 0.3f, 0}, {0, 1, 0}, {0.1f, 0.9f, 0}, {1, 0, 0}, {1, 0, 0}, {0.3f, 0.3f, 0.4f}};

    private static WordSubstitution substitution() {
        float[] flat = new float[VECTORS.length * 3];
        for (int i = 0; i < VECTORS.length; i++) {
            System.arraycopy(VECTORS[i], 0, flat, i * 3, 3);
        }
        return new WordSubstitution(VOCAB, Tensor.ofFloats(new long[] {VECTORS.length, 3}, flat));
    }

    @Test
    void neighboursAreWholeWordsByCosineNearestFirst() {
        WordSubstitution s = substitution();
        List<String> paris = s.neighbours("paris");
        assertEquals(List.of("london", "berlin"), paris.subList(0, 2));
        assertTrue(!paris.contains("paris") && !paris.contains("##s") && !paris.contains("of") && !paris.contains("[PAD]"));
        assertEquals("dog", s.neighbours("cat").get(0));
        assertEquals(List.of(), s.neighbours("seine"), "a word outside the vocabulary has no neighbours");
    }

    @Test
    void keepsTheAnswerWholeAndFindsItWhereTheTextMovedIt() {
        WordSubstitution s = substitution();
        String context = "A CAT and a dog of Paris sat by the river in London.";
        int start = context.indexOf("London");
        ReaderExample e = new ReaderExample("q", "Where did the cat of Paris sit?", context, AnswerType.SPAN, start, "London",
                List.of("London"), "test");
        boolean changed = false;
        for (int seed = 0; seed < 30; seed++) {
            ReaderExample v = s.vary(e, new Random(seed));
            assertEquals("London", v.context().substring(v.answerStart(), v.answerStart() + 6), "the answer is never replaced");
            assertTrue(v.context().endsWith(" London."));
            changed |= !v.context().equals(context) || !v.question().equals(e.question());
            assertTrue(v.context().startsWith("A ") && (v.context().startsWith("A CAT") || v.context().matches("A [A-Z]{3,} .*")),
                    "all capitals stay capitals: " + v.context());
        }
        assertTrue(changed, "some draws replace words");
    }

    @Test
    void casingFollowsTheReplacedWord() {
        assertEquals("London", WordSubstitution.cased("london", "Paris"));
        assertEquals("LONDON", WordSubstitution.cased("london", "PARIS"));
        assertEquals("london", WordSubstitution.cased("london", "paris"));
    }

    @Test
    void sameSeedSameCopy() {
        WordSubstitution s = substitution();
        ReaderExample e = new ReaderExample("q", "Is the cat of Paris a dog?", "The cat of Paris is a dog.", AnswerType.YES, -1,
                "yes", List.of("yes"), "test");
        assertEquals(s.vary(e, new Random(4)), s.vary(e, new Random(4)));
        assertNotEquals(e, s.vary(e, new Random(4)));
    }
}
