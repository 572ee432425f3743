package compactqa.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ParagraphSignalsTest {

    private static final String QUESTION = "What government position was held by the woman who portrayed Corliss Archer in the film Kiss and Tell?";

    @Test
    void aTitleNamedInTheQuestionIsTheFirstHop() {
        ParagraphSignals s = ParagraphSignals.of(QUESTION, "Kiss and Tell (1945 film)", "Kiss and Tell is a 1945 comedy.", List.of(),
                List.of(), 0.8);
        assertEquals(1, s.titleInQuestion());
        assertEquals(1, s.titleWordsInQuestion(), "kiss, tell: the stop word 'and' does not count");
        assertEquals(0, s.titleInEvidence());
        assertEquals(0.8, s.retrieval());
    }

    @Test
    void aTitleNamedOnlyByTheEvidenceIsTheSecondHop() {
        List<String> evidence = List.of("It stars Shirley Temple as the teenager Corliss Archer.");
        ParagraphSignals s = ParagraphSignals.of(QUESTION, "Shirley Temple", "Shirley Temple Black was an American actress and diplomat.",
                evidence, List.of("Kiss and Tell (1945 film)"), 0.2);
        assertEquals(0, s.titleInQuestion());
        assertEquals(0, s.titleWordsInQuestion());
        assertEquals(1, s.titleInEvidence());
        assertEquals(0, s.evidenceTitleInText());
        ParagraphSignals back = ParagraphSignals.of(QUESTION, "Meet Corliss Archer", "Unlike Kiss and Tell, the radio show ran for years.",
                List.of("Kiss and Tell is a 1945 comedy."), List.of("Kiss and Tell (1945 film)"), 0.5);
        assertEquals(1, back.evidenceTitleInText(), "the evidence's title occurs in this paragraph");
        assertEquals(2 / 3.0, back.titleWordsInQuestion(), 1e-12, "meet is not in the question; corliss and archer are");
    }

    @Test
    void wordsMatchWholeAndCaseAndPunctuationDoNotMatter() {
        assertEquals(0, ParagraphSignals.of("Who founded Applebee's?", "Apple", "Apple Inc.", List.of(), List.of(), 1).titleInQuestion());
        assertEquals(1, ParagraphSignals.of("who founded APPLEBEE'S?", "Applebee's", "x", List.of(), List.of(), 1).titleInQuestion());
        assertEquals(ParagraphSignals.COUNT, ParagraphSignals.NONE.values().length);
        assertEquals(1, ParagraphSignals.of("q", "t", "x", List.of(), List.of(), 7).retrieval(), "clipped to [0, 1]");
    }
}
