package compactqa.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The jar encoders as retrieval embedders: unit vectors that put a question near the paragraph answering it. */
class TextEmbedderIT {

    private static final List<String> PARAGRAPHS = List.of(
            TextEmbedder.passage("Eiffel Tower", "The Eiffel Tower is a wrought-iron lattice tower in Paris, built for the 1889 World's Fair."),
            TextEmbedder.passage("Photosynthesis", "Photosynthesis is the process by which plants turn light, water and carbon dioxide into sugar."),
            TextEmbedder.passage("Ada Lovelace", "Ada Lovelace wrote what is often called the first computer program, for Babbage's engine."));

    @ParameterizedTest
    @EnumSource(value = PretrainedEncoder.class, names = {"BGE_SMALL", "MINILM_L6"})
    void questionsLandNearTheirParagraphs(PretrainedEncoder base) throws Exception {
        try (TextEmbedder embedder = TextEmbedder.open(base, EncoderParityIT.CACHE, 256, 2)) {
            assertEquals(384, embedder.dimension());
            assertTrue(embedder.id().startsWith(base.id() + "/"), embedder.id());
            List<float[]> paragraphs = embedder.embedPassages(PARAGRAPHS);
            for (float[] p : paragraphs) {
                assertEquals(1.0, dot(p, p), 1e-4, "unit length");
            }
            String[] questions = {"When was the tower in Paris built?", "How do plants make sugar from light?",
                    "Who wrote the first computer program?"};
            for (int q = 0; q < questions.length; q++) {
                float[] v = embedder.embedQuery(questions[q]);
                for (int p = 0; p < paragraphs.size(); p++) {
                    if (p != q) {
                        assertTrue(dot(v, paragraphs.get(q)) > dot(v, paragraphs.get(p)) + 0.05,
                                base + ": " + questions[q] + " is nearer paragraph " + p);
                    }
                }
            }
            // batching (texts sorted by length, padded together) does not change a text's vector
            float[] alone = embedder.embedPassages(List.of(PARAGRAPHS.get(1))).get(0);
            assertArrayEquals(alone, paragraphs.get(1), 1e-4f);
        }
    }

    @org.junit.jupiter.api.Test
    void refusesTheQuantizedCopy() {
        assertThrows(IllegalArgumentException.class,
                () -> TextEmbedder.open(PretrainedEncoder.MINILM_L6_INT8, EncoderParityIT.CACHE, 256, 1));
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
