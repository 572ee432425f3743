package compactqa.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import compactqa.corpus.AnswerType;

/** Decoding on hand-made logits: no model, no tokenizer. */
class SpanDecoderTest {

    // context "Paris is in France." tokens: [CLS] where ? [SEP] paris is in france . [SEP]
    private static final String CONTEXT = "Paris is in France.";
    private static final ReaderWindow WINDOW = new ReaderWindow(new TokenizedText(
            new long[] {101, 2, 3, 102, 10, 11, 12, 13, 14, 102},
            new long[] {0, 0, 0, 0, 1, 1, 1, 1, 1, 1},
            new int[] {-1, 0, 0, -1, 1, 1, 1, 1, 1, -1},
            new int[] {-1, 0, 5, -1, 0, 6, 9, 12, 18, -1},
            new int[] {-1, 5, 6, -1, 5, 8, 11, 18, 19, -1}));

    private static float[] logits(int hot, float value) {
        float[] l = new float[10];
        l[hot] = value;
        return l;
    }

    private final SpanDecoder decoder = new SpanDecoder(30);

    @Test
    void picksTheBestValidSpan() {
        ReaderPrediction p = decoder.decode(CONTEXT, List.of(WINDOW), List.of(logits(7, 5)), List.of(logits(7, 5)),
                List.of(new float[] {3, 0, 0}));
        assertEquals("France", p.text());
        assertEquals(AnswerType.SPAN, p.type());
        assertEquals(12, p.start());
        assertEquals(18, p.end());
        assertTrue(p.confidence() > 0 && p.confidence() <= 1);
    }

    @Test
    void neverAnswersWithQuestionOrSpecialTokens() {
        // the highest logits sit on the question and on [SEP]: the best context span wins anyway
        float[] start = logits(1, 9);
        start[4] = 1;
        float[] end = logits(9, 9);
        end[4] = 1;
        ReaderPrediction p = decoder.decode(CONTEXT, List.of(WINDOW), List.of(start), List.of(end), List.of(new float[] {3, 0, 0}));
        assertEquals("Paris", p.text());
    }

    @Test
    void endBeforeStartIsInvalid() {
        // (7, 4) would score 5 + 6 = 11 but ends before it starts; the best valid spans are (7, 7) = 5 + 2
        // and (4, 4) = 0 + 6
        float[] start = logits(7, 5);
        float[] end = logits(4, 6);
        end[7] = 2;
        ReaderPrediction p = decoder.decode(CONTEXT, List.of(WINDOW), List.of(start), List.of(end), List.of(new float[] {3, 0, 0}));
        assertEquals("France", p.text(), "the span may not end before it starts");
    }

    @Test
    void respectsTheLengthCap() {
        float[] start = logits(4, 5);
        float[] end = logits(8, 5);
        ReaderPrediction two = new SpanDecoder(2).decode(CONTEXT, List.of(WINDOW), List.of(start), List.of(end),
                List.of(new float[] {3, 0, 0}));
        assertTrue(two.end() - two.start() <= "Paris is".length(), two.text());
        ReaderPrediction all = decoder.decode(CONTEXT, List.of(WINDOW), List.of(start), List.of(end), List.of(new float[] {3, 0, 0}));
        assertEquals("Paris is in France.", all.text());
    }

    @Test
    void yesAndNoWinWhenTheTypeHeadSaysSo() {
        ReaderPrediction yes = decoder.decode(CONTEXT, List.of(WINDOW), List.of(logits(7, 5)), List.of(logits(7, 5)),
                List.of(new float[] {0, 4, 1}));
        assertEquals("yes", yes.text());
        assertEquals(AnswerType.YES, yes.type());
        assertEquals(-1, yes.start());
        ReaderPrediction no = decoder.decode(CONTEXT, List.of(WINDOW), List.of(logits(7, 5)), List.of(logits(7, 5)),
                List.of(new float[] {0, 1, 4}));
        assertEquals(AnswerType.NO, no.type());
    }

    @Test
    void typeProbabilitiesAreAveragedOverWindowsAndTheBestSpanAcrossWindowsWins() {
        ReaderPrediction p = decoder.decode(CONTEXT, List.of(WINDOW, WINDOW), List.of(logits(4, 2), logits(7, 6)),
                List.of(logits(4, 2), logits(7, 6)), List.of(new float[] {2, 0, 0}, new float[] {0, 1.5f, 0}));
        // P(span) is 0.787 and 0.154 in the two windows, P(yes) 0.106 and 0.691: means 0.470 against 0.398
        assertEquals("France", p.text());
    }

    @Test
    void mismatchedInputsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> decoder.decode(CONTEXT, List.of(WINDOW), List.of(), List.of(), List.of()));
    }
}
