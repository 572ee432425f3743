package compactqa.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The compressor's input layout, on the real tokenizer. */
class CompressorFeaturizerIT {

    /** The smallest window the budgets allow: question 16 + evidence 16 + title 32 + room for sentences. */
    private static final int WINDOW = 96;

    private static TextTokenizer tokenizer;

    @BeforeAll
    static void open() throws IOException {
        tokenizer = new TextTokenizer(EncoderParityIT.CACHE.tokenizer(PretrainedEncoder.MINILM_L6), WINDOW, 0);
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void oneMarkerBeforeEachNonEmptySentence() {
        CompressorFeaturizer f = new CompressorFeaturizer(tokenizer, WINDOW, 16, 16);
        List<CompressorWindow> windows = f.windows("who sang?", List.of("she sang."), "Temple", List.of("She sang.", "", "She danced."));
        assertEquals(1, windows.size());
        CompressorWindow w = windows.get(0);
        // [CLS] who sang ? [SEP] she sang . [SEP] temple : [M] she sang . [M] she danced . [SEP]
        assertEquals(TextTokenizer.CLS, w.ids()[0]);
        assertEquals(TextTokenizer.SEP, w.ids()[4]);
        assertEquals(TextTokenizer.SEP, w.ids()[8]);
        assertArrayEquals(new int[] {0, 2}, w.sentences(), "the empty sentence gets no marker");
        for (int m : w.markers()) {
            assertEquals(TextTokenizer.MARKER, w.ids()[m]);
            assertEquals(1, w.typeIds()[m], "the paragraph is segment 1");
        }
        assertEquals(0, w.typeIds()[8], "question and evidence are segment 0");
        assertEquals(TextTokenizer.SEP, w.ids()[w.length() - 1]);
    }

    @Test
    void longParagraphsContinueInWindowsThatRepeatTheQuestion() {
        CompressorFeaturizer f = new CompressorFeaturizer(tokenizer, WINDOW, 16, 16);
        List<String> sentences = List.of("one two three four five six seven eight nine ten.".split("(?<=\\.)")[0],
                "eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty.",
                "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi.",
                "rho sigma tau upsilon phi chi psi omega and some more words to make it long.",
                "the quick brown fox jumps over the lazy dog again and again until it tires.",
                "a second paragraph of filler words so that the window has to continue twice.");
        List<CompressorWindow> windows = f.windows("which letter?", List.of(), "Words", sentences);
        assertTrue(windows.size() > 1, "a paragraph longer than the window continues: " + windows.size());
        int scored = 0;
        for (CompressorWindow w : windows) {
            assertTrue(w.length() <= WINDOW);
            assertEquals(w.ids()[1], windows.get(0).ids()[1], "each window starts with the question");
            scored += w.markers().length;
        }
        assertEquals(6, scored, "every sentence is scored exactly once");
    }

    @Test
    void evidenceIsCutToItsBudget() {
        CompressorFeaturizer f = new CompressorFeaturizer(tokenizer, WINDOW, 16, 4);
        CompressorWindow w = f.windows("q?", List.of("a very long piece of evidence indeed, much longer than four tokens"), "T",
                List.of("x.")).get(0);
        // [CLS] q ? [SEP] e e e e [SEP] ...
        assertEquals(TextTokenizer.SEP, w.ids()[3]);
        assertEquals(TextTokenizer.SEP, w.ids()[8]);
    }
}
