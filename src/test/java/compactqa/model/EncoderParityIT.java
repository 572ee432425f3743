package compactqa.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import → export → run reproduces the original graphs' hidden states, in standard operators and
 * with ONNX Runtime's fused ones; the int8 graph stays close to fp32. On real sentences of
 * different lengths, batched, so padding is exercised. (Measured on MiniLM: standard operators 0,
 * since ONNX Runtime optimizes both graphs into the same kernels; fused 4.6e-6.)
 */
class EncoderParityIT {

    static final ModelCache CACHE = new ModelCache(Path.of("target/model-cache"));
    static final List<String> SENTENCES = List.of(
            "Shirley Temple Black was an American actress, singer, dancer, businesswoman, and diplomat.",
            "As an adult, she was named United States ambassador to Ghana and to Czechoslovakia.",
            "Who portrayed Corliss Archer in the film Kiss and Tell?",
            "The Eiffel Tower is a wrought-iron lattice tower on the Champ de Mars in Paris, France; it is named after "
                    + "the engineer Gustave Eiffel, whose company designed and built the tower as the entrance arch "
                    + "to the 1889 World's Fair.",
            "Yes.");

    @TempDir
    Path tmp;

    @Test
    void miniLmRoundTripsWithin1e4() throws IOException {
        assertRoundTrip(PretrainedEncoder.MINILM_L6, false);
        assertRoundTrip(PretrainedEncoder.MINILM_L6, true);
    }

    @Test
    void bgeSmallRoundTripsWithin1e4() throws IOException {
        assertRoundTrip(PretrainedEncoder.BGE_SMALL, false);
        assertRoundTrip(PretrainedEncoder.BGE_SMALL, true);
    }

    @Test
    void int8GraphStaysCloseToFp32() throws IOException {
        try (Encoder fp32 = Encoder.open(PretrainedEncoder.MINILM_L6, CACHE, EncoderOptions.DEFAULT);
             Encoder int8 = Encoder.open(PretrainedEncoder.MINILM_L6_INT8, CACHE, EncoderOptions.DEFAULT)) {
            List<TokenizedText> batch = SENTENCES.stream().map(fp32::tokenize).toList();
            double cosine = HiddenStates.meanCosine(fp32.run(batch).get("last_hidden_state"),
                    int8.run(batch).get("last_hidden_state"), batch);
            assertTrue(cosine >= 0.98, "mean per-token cosine " + cosine);
        }
    }

    private void assertRoundTrip(PretrainedEncoder pretrained, boolean fused) throws IOException {
        Checkpoint imported;
        try (InputStream in = ModelCache.openOnnx(pretrained)) {
            imported = new OnnxImporter().read(in, pretrained.config());
        }
        // through the safetensors file, so that what is saved is what is exported
        imported.save(tmp.resolve("checkpoint"));
        Checkpoint loaded = Checkpoint.load(tmp.resolve("checkpoint")).validate();
        assertEquals(pretrained.config(), loaded.config());
        Path exported = tmp.resolve("exported.onnx");
        Files.write(exported, new BertOnnxExporter().export(loaded, List.of(), BertOnnxExporter.DENSE, fused).toByteArray());

        try (Encoder original = Encoder.open(pretrained, CACHE, EncoderOptions.DEFAULT);
             Encoder ours = Encoder.open(exported, CACHE.tokenizer(pretrained), EncoderOptions.DEFAULT)) {
            List<TokenizedText> batch = SENTENCES.stream().map(original::tokenize).toList();
            Map<String, FloatArray> expected = original.run(batch);
            Map<String, FloatArray> actual = ours.run(batch);
            double diff = HiddenStates.maxAbsDiff(expected.get("last_hidden_state"), actual.get("last_hidden_state"), batch);
            assertTrue(diff <= 1e-4, pretrained + (fused ? " fused" : "") + ": max abs diff " + diff);
        }
    }
}
