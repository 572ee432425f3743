package compactqa.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import compactqa.corpus.Document;
import compactqa.dataset.QaExample;

class CompressorExamplesTest {

    private static final Document KISS = Document.fromSentences("b", "Kiss and Tell",
            List.of("Kiss and Tell is a 1945 film.", " It stars Shirley Temple."), "t");
    private static final Document TEMPLE = Document.fromSentences("a", "Shirley Temple",
            List.of("Shirley Temple was an actress.", " She was Chief of Protocol."), "t");
    private static final Document OTHER = Document.fromSentences("c", "Other", List.of("Nothing here."), "t");

    private static QaExample hotpot() {
        return new QaExample("q", "What office did the star of Kiss and Tell hold?", List.of("Chief of Protocol"), "bridge",
                List.of(OTHER, KISS, TEMPLE), List.of(1, 2), List.of("Kiss and Tell", "Shirley Temple"),
                List.of(new QaExample.SupportingFact("Kiss and Tell", 1), new QaExample.SupportingFact("Shirley Temple", 1)),
                List.of(), "hotpotqa");
    }

    @Test
    void sentenceLabelsComeFromTheSupportingFacts() {
        List<CompressorExample> examples = CompressorExamples.of(hotpot(), List.of(), 0, new Random(1));
        CompressorExample temple = examples.stream().filter(e -> e.title().equals("Shirley Temple") && e.evidence().isEmpty())
                .findFirst().orElseThrow();
        assertArrayEquals(new int[] {0, 1}, temple.sentenceLabels());
        assertTrue(temple.relevant());
        CompressorExample other = examples.stream().filter(e -> e.title().equals("Other")).findFirst().orElseThrow();
        assertArrayEquals(new int[] {0}, other.sentenceLabels());
        assertTrue(!other.relevant() && !other.sufficient());
    }

    @Test
    void theSecondHopSeesTheFirstHopsFactsAsEvidenceAndIsThenSufficient() {
        List<CompressorExample> examples = CompressorExamples.of(hotpot(), List.of(), 0, new Random(1));
        CompressorExample secondHop = examples.stream().filter(e -> e.title().equals("Shirley Temple") && !e.evidence().isEmpty())
                .findFirst().orElseThrow();
        assertEquals(List.of("It stars Shirley Temple."), secondHop.evidence());
        assertTrue(secondHop.sufficient(), "both supporting paragraphs are covered");
        CompressorExample alone = examples.stream().filter(e -> e.title().equals("Shirley Temple") && e.evidence().isEmpty())
                .findFirst().orElseThrow();
        assertTrue(!alone.sufficient(), "one of two supporting paragraphs is not enough");
    }

    @Test
    void evidenceHoldingEveryFactIsSufficientWhateverComesNext() {
        boolean distractorSeen = false;
        boolean goldSeen = false;
        for (int seed = 0; seed < 20; seed++) {
            for (CompressorExample e : CompressorExamples.of(hotpot(), List.of(), 0, new Random(seed))) {
                if (e.evidence().equals(List.of("It stars Shirley Temple.", "She was Chief of Protocol."))) {
                    assertTrue(e.sufficient(), e.title());
                    distractorSeen |= !e.relevant();
                    goldSeen |= e.relevant();
                }
            }
        }
        assertTrue(distractorSeen && goldSeen, "both kinds appear across seeds");
    }

    @Test
    void paragraphLevelDataSetsHaveNoSentenceLabels() {
        QaExample musique = new QaExample("m", "q?", List.of("x"), "2hop", List.of(OTHER, KISS, TEMPLE), List.of(1, 2),
                List.of("Kiss and Tell", "Shirley Temple"), List.of(), List.of(), "musique");
        CompressorExample e = CompressorExamples.of(musique, List.of(), 0, new Random(1)).get(0);
        assertNull(e.sentenceLabels());
        assertTrue(e.relevant());
    }

    @Test
    void singleParagraphQuestionsTakeDistractorsFromThePool() {
        QaExample squad = new QaExample("s", "Who stars?", List.of("Shirley Temple"), "", List.of(KISS), List.of(0),
                List.of("Kiss and Tell"), List.of(), List.of(new QaExample.AnswerSpan(0, 39, "Shirley Temple")), "squad");
        List<CompressorExample> examples = CompressorExamples.of(squad, List.of(KISS, OTHER), 1, new Random(3)).stream()
                .filter(e -> e.evidence().isEmpty()).toList();
        assertEquals(2, examples.size());
        assertArrayEquals(new int[] {0, 1}, examples.get(0).sentenceLabels(), "the answer's sentence");
        assertTrue(examples.get(0).sufficient());
        assertEquals("Other", examples.get(1).title());
    }
}
