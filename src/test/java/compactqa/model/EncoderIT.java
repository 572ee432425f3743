package compactqa.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime encoder on the real MiniLM graph and tokenizer. */
class EncoderIT {

    private static Encoder encoder;

    @BeforeAll
    static void open() throws IOException {
        encoder = Encoder.open(PretrainedEncoder.MINILM_L6, EncoderParityIT.CACHE, new EncoderOptions(64, 16, 2, "all"));
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void tokenizesWithSpecialTokensAndCharacterSpans() {
        TokenizedText t = encoder.tokenize("Shirley Temple sang.");
        // [CLS] shirley temple sang . [SEP]
        assertEquals(6, t.length());
        assertEquals(101, t.ids()[0]);
        assertEquals(102, t.ids()[5]);
        assertEquals(-1, t.sequenceIds()[0]);
        assertEquals(0, t.charStarts()[1]);
        assertEquals(7, t.charEnds()[1]);
        assertEquals(8, t.charStarts()[2]);
        assertEquals("sang", "Shirley Temple sang.".substring(t.charStarts()[3], t.charEnds()[3]));
    }

    @Test
    void truncatesSingleTextsAtTheMaximumLength() {
        TokenizedText t = encoder.tokenize("word ".repeat(500));
        assertEquals(64, t.length());
        assertEquals(102, t.ids()[63]);
    }

    @Test
    void pairsKeepTheQuestionAndSlideOverThePassageByTheStride() {
        String question = "Who sang?";
        String passage = "Shirley Temple sang and danced in many films. ".repeat(12);
        List<TokenizedText> windows = encoder.tokenizePair(question, passage);
        assertTrue(windows.size() > 1, "a long passage needs several windows: " + windows.size());
        for (TokenizedText w : windows) {
            assertTrue(w.length() <= 64);
            // [CLS] who sang ? [SEP] ... [SEP]
            assertArrayEquals(Arrays.copyOf(windows.get(0).ids(), 5), Arrays.copyOf(w.ids(), 5));
            assertEquals(1, w.typeIds()[5], "the passage is segment 1");
            assertEquals(1, w.sequenceIds()[5]);
        }
        for (int k = 0; k + 1 < windows.size(); k++) {
            List<Integer> here = passageStarts(windows.get(k));
            List<Integer> next = passageStarts(windows.get(k + 1));
            assertEquals(here.subList(here.size() - 16, here.size()), next.subList(0, 16),
                    "consecutive windows share exactly the stride of 16 tokens");
        }
        TokenizedText last = windows.get(windows.size() - 1);
        assertEquals(passage.strip().length(), last.charEnds()[last.length() - 2], "the last window reaches the passage's end");
    }

    @Test
    void aQuestionThatLeavesTooLittleRoomIsRefusedNotFatal() {
        // 80 tokens: longer than the window
        assertThrows(IllegalArgumentException.class, () -> encoder.tokenizePair("why ".repeat(80), "a passage ".repeat(40)));
        // 45 and 50 tokens leave 16 and 11, at most the stride: the native tokenizer would abort the JVM here
        for (int n : new int[] {45, 50}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> encoder.tokenizePair("why ".repeat(n), "a passage ".repeat(40)));
            assertTrue(e.getMessage().contains("too long"), e.getMessage());
        }
        // a long question is fine while the passage fits beside it
        assertEquals(1, encoder.tokenizePair("why ".repeat(45), "a short passage").size());
    }

    @Test
    void paddingDoesNotChangeTheRealTokens() {
        TokenizedText shortText = encoder.tokenize("Paris.");
        TokenizedText longText = encoder.tokenize("The Eiffel Tower stands in Paris, the capital of France.");
        FloatArray alone = encoder.run(List.of(shortText)).get("last_hidden_state");
        FloatArray padded = encoder.run(List.of(shortText, longText)).get("last_hidden_state");
        assertEquals(0.0, HiddenStates.maxAbsDiff(alone, slice(padded, shortText.length()), List.of(shortText)), 1e-5);
    }

    @Test
    void concurrentCallersGetTheSameAnswers() throws Exception {
        TokenizedText t = encoder.tokenize("Concurrency should not change the result.");
        float[] expected = encoder.run(List.of(t)).get("last_hidden_state").data();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> encoder.run(List.of(t)).get("last_hidden_state").data()));
            }
            for (Future<float[]> f : futures) {
                assertArrayEquals(expected, f.get(), 1e-6f);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shrinkingTheArenaAfterEachCallChangesNoOutput() throws IOException {
        TokenizedText t = encoder.tokenize("Shirley Temple sang in Kiss and Tell.");
        float[] expected = encoder.run(List.of(t, t)).get("last_hidden_state").data();
        try (Encoder shrinking = Encoder.open(PretrainedEncoder.MINILM_L6, EncoderParityIT.CACHE,
                new EncoderOptions(64, 16, 2, "all", 0))) {
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(expected, shrinking.run(List.of(t, t)).get("last_hidden_state").data(), 1e-6f, "call " + i);
            }
        }
    }

    @Test
    void anInterruptEndsACallInsideOnnxRuntimeAndTheEncoderStaysUsable() throws Exception {
        try (Encoder big = Encoder.open(PretrainedEncoder.MINILM_L6, EncoderParityIT.CACHE, new EncoderOptions(512, 128, 2, "all"))) {
            TokenizedText t = big.tokenize("Shirley Temple sang in Kiss and Tell, a film of 1945. ".repeat(60));
            assertEquals(512, t.length());
            // 32 sequences of 512 tokens: seconds of work, far more than the 100 ms before the interrupt
            List<TokenizedText> batch = java.util.Collections.nCopies(32, t);
            long start = System.nanoTime();
            big.run(batch);
            double whole = (System.nanoTime() - start) / 1e9;
            ExecutorService pool = Executors.newSingleThreadExecutor();
            java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
            Future<?> call = pool.submit(() -> {
                try {
                    big.run(batch);
                } catch (RuntimeException e) {
                    thrown.set(e);
                }
            });
            Thread.sleep(100);
            long interrupted = System.nanoTime();
            call.cancel(true);
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS));
            double seconds = (System.nanoTime() - interrupted) / 1e9;
            // the call must end far sooner than it would have run: a quarter of the whole call, with room for a loaded machine
            assertTrue(seconds < whole / 4, "the call ended " + seconds + " s after the interrupt; the whole call takes " + whole + " s");
            assertTrue(thrown.get() instanceof java.util.concurrent.CancellationException, "cancelled, not completed: " + thrown.get());
            TokenizedText small = big.tokenize("Shirley Temple");
            assertEquals(1, big.run(List.of(small)).get("last_hidden_state").shape()[0], "the next call runs normally");
        }
    }

    @Test
    void exportedHeadsComputeTheirLinearLayerOnTheHiddenStates(@TempDir Path tmp) throws IOException {
        Checkpoint base;
        try (InputStream in = ModelCache.openOnnx(PretrainedEncoder.MINILM_L6)) {
            base = new OnnxImporter().read(in, PretrainedEncoder.MINILM_L6.config());
        }
        Random random = new Random(7);
        float[] spanW = new float[2 * 384];
        float[] typeW = new float[3 * 384];
        for (int i = 0; i < spanW.length; i++) {
            spanW[i] = (float) random.nextGaussian() * 0.05f;
        }
        for (int i = 0; i < typeW.length; i++) {
            typeW[i] = (float) random.nextGaussian() * 0.05f;
        }
        Checkpoint withHeads = base.with(base.config(), Map.of(
                "heads.span.weight", Tensor.ofFloats(new long[] {2, 384}, spanW),
                "heads.span.bias", Tensor.ofFloats(new long[] {2}, new float[] {0.5f, -0.5f}),
                "heads.answer_type.weight", Tensor.ofFloats(new long[] {3, 384}, typeW),
                "heads.answer_type.bias", Tensor.ofFloats(new long[] {3}, new float[] {1, 2, 3})));
        List<Head> heads = List.of(new Head("span", Head.Pooling.TOKENS, 2), new Head("answer_type", Head.Pooling.CLS, 3));
        Path onnx = tmp.resolve("heads.onnx");
        Files.write(onnx, new BertOnnxExporter().export(withHeads, heads, BertOnnxExporter.DENSE).toByteArray());
        try (Encoder e = Encoder.open(onnx, EncoderParityIT.CACHE.tokenizer(PretrainedEncoder.MINILM_L6), EncoderOptions.DEFAULT)) {
            List<TokenizedText> batch = List.of(e.tokenize("A short one."), e.tokenize("And a somewhat longer second text."));
            Map<String, FloatArray> out = e.run(batch);
            FloatArray hidden = out.get("last_hidden_state");
            assertArrayEquals(new long[] {2, hidden.shape()[1], 2}, out.get("span").shape());
            assertArrayEquals(new long[] {2, 3}, out.get("answer_type").shape());
            float[] h = hidden.vector(1, 3);
            assertEquals(dot(spanW, 0, h) + 0.5f, out.get("span").get(1, 3, 0), 1e-4);
            assertEquals(dot(typeW, 2, hidden.vector(0, 0)) + 3, out.get("answer_type").get(0, 2), 1e-4);
        }
    }

    /** Row {@code row} of the {@code [n, hidden]} matrix {@code w} times {@code h}. */
    private static float dot(float[] w, int row, float[] h) {
        float s = 0;
        for (int i = 0; i < h.length; i++) {
            s += w[row * h.length + i] * h[i];
        }
        return s;
    }

    private static List<Integer> passageStarts(TokenizedText w) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < w.length(); i++) {
            if (w.sequenceIds()[i] == 1) {
                starts.add(w.charStarts()[i]);
            }
        }
        return starts;
    }

    private static FloatArray slice(FloatArray a, int tokens) {
        int hidden = (int) a.shape()[2];
        float[] data = new float[tokens * hidden];
        for (int t = 0; t < tokens; t++) {
            System.arraycopy(a.vector(0, t), 0, data, t * hidden, hidden);
        }
        return new FloatArray(new long[] {1, tokens, hidden}, data);
    }
}
