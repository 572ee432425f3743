package compactqa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import compactqa.qa.EvidenceSentence;

class CompressorEvaluationTest {

    private static EvidenceSentence kept(String title, double score) {
        return new EvidenceSentence(title, title, 1, 0, 0, 4, "text", score, 3, 1);
    }

    @Test
    void theServicesTwoParagraphsAreThoseWithTheBestKeptSentences() {
        List<EvidenceSentence> evidence = List.of(kept("A", 0.6), kept("B", 0.9), kept("A", 0.95), kept("C", 0.7));
        assertEquals(List.of("A", "B"), CompressorEvaluation.topTitles(evidence, 2));
        assertEquals(List.of("C"), CompressorEvaluation.topTitles(List.of(kept("C", 0.7)), 2),
                "evidence from one paragraph names one: recall at 2 then fails");
    }
}
