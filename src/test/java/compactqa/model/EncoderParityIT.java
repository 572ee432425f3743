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
 * different lengths and a question-passage pair, batched, so padding and both token types are
 * exercised, without graph optimization (measured on MiniLM: 3.1e-6 standard, 3.8e-6 fused).
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
    void importRefusesAConfigurationThatDoesNotMatchTheGraph() throws IOException {
        try (InputStream in = ModelCache.openOnnx(PretrainedEncoder.BGE_SMALL)) {
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> new OnnxImporter().read(in, PretrainedEncoder.MINILM_L6.config()));
            assertTrue(e.getMessage().contains("is the configuration right?"), e.getMessage());
        }
    }

    @Test
    void fp16CheckpointsExportAndStayClose() throws IOException {
        Checkpoint fp32 = jarMiniLm();
        java.util.Map<String, Tensor> half = new java.util.LinkedHashMap<>();
        fp32.tensors().forEach((name, t) -> half.put(name, t.toF16()));
        Checkpoint fp16 = new Checkpoint(fp32.config(), half).validate();
        Path exported = tmp.resolve("fp16.onnx");
        Files.write(exported, new BertOnnxExporter().export(fp16, List.of(), BertOnnxExporter.DENSE).toByteArray());
        try (Encoder original = Encoder.open(PretrainedEncoder.MINILM_L6, CACHE, EncoderOptions.DEFAULT);
             Encoder ours = Encoder.open(exported, CACHE.tokenizer(PretrainedEncoder.MINILM_L6), EncoderOptions.DEFAULT)) {
            List<TokenizedText> batch = SENTENCES.stream().map(original::tokenize).toList();
            double cosine = HiddenStates.meanCosine(original.run(batch).get("last_hidden_state"),
                    ours.run(batch).get("last_hidden_state"), batch);
            assertTrue(cosine > 0.9999, "fp16 weights change the hidden states little: mean cosine " + cosine);
        }
    }

    @Test
    void ourInt8ExportStaysAsCloseToFp32AsTheJarsInt8Graph() throws IOException {
        Checkpoint fp32 = jarMiniLm();
        Path int8 = tmp.resolve("int8.onnx");
        Files.write(int8, new BertOnnxExporter().export(fp32, List.of(), Precision.INT8.forms()).toByteArray());
        try (Encoder original = Encoder.open(PretrainedEncoder.MINILM_L6, CACHE, EncoderOptions.DEFAULT);
             Encoder ours = Encoder.open(int8, CACHE.tokenizer(PretrainedEncoder.MINILM_L6), EncoderOptions.DEFAULT);
             Encoder jar = Encoder.open(PretrainedEncoder.MINILM_L6_INT8, CACHE, EncoderOptions.DEFAULT)) {
            List<TokenizedText> batch = SENTENCES.stream().map(original::tokenize).toList();
            FloatArray reference = original.run(batch).get("last_hidden_state");
            double oursCosine = HiddenStates.meanCosine(reference, ours.run(batch).get("last_hidden_state"), batch);
            double jarCosine = HiddenStates.meanCosine(reference, jar.run(batch).get("last_hidden_state"), batch);
            System.out.printf("int8 mean per-token cosine to fp32: ours %.4f, the jar's %.4f%n", oursCosine, jarCosine);
            // measured: 0.993 ours (per-channel scales), 0.990 the jar's on a Xeon with AVX-512 VNNI; on an AVX2-only
            // EPYC, whose u8 x s8 products saturate in 16 bits, both lower (0.989 ours)
            assertTrue(oursCosine >= 0.985, "mean per-token cosine " + oursCosine);
            assertTrue(oursCosine >= jarCosine - 0.002, oursCosine + " vs the jar's " + jarCosine);
        }
    }

    @Test
    void quantizedFusedAttentionComputesWhatTheInt8OperatorsDo() throws IOException {
        Checkpoint fp32 = jarMiniLm();
        Path fused = tmp.resolve("int8-fused.onnx");
        Path plain = tmp.resolve("int8-plain.onnx");
        Files.write(fused, new BertOnnxExporter().export(fp32, List.of(), Precision.INT8.forms(), true).toByteArray());
        Files.write(plain, new BertOnnxExporter().export(fp32, List.of(), Precision.INT8.forms(), false).toByteArray());
        Path full = tmp.resolve("fp32.onnx");
        Files.write(full, new BertOnnxExporter().export(fp32, List.of(), Precision.FP32.forms(), true).toByteArray());
        EncoderOptions none = new EncoderOptions(512, 128, 2, "none");
        try (Encoder a = Encoder.open(fused, CACHE.tokenizer(PretrainedEncoder.MINILM_L6), none);
             Encoder b = Encoder.open(plain, CACHE.tokenizer(PretrainedEncoder.MINILM_L6), none);
             Encoder reference = Encoder.open(full, CACHE.tokenizer(PretrainedEncoder.MINILM_L6), none)) {
            // sentences of different lengths, so that padding and its mask are exercised
            List<TokenizedText> batch = SENTENCES.stream().map(a::tokenize).toList();
            FloatArray fusedStates = a.run(batch).get("last_hidden_state");
            FloatArray plainStates = b.run(batch).get("last_hidden_state");
            FloatArray fp32States = reference.run(batch).get("last_hidden_state");
            double cosine = HiddenStates.meanCosine(fusedStates, plainStates, batch);
            double fusedToFp32 = HiddenStates.meanCosine(fp32States, fusedStates, batch);
            double plainToFp32 = HiddenStates.meanCosine(fp32States, plainStates, batch);
            System.out.printf("int8 fused against plain %.5f; to fp32: fused %.4f, plain %.4f%n", cosine, fusedToFp32, plainToFp32);
            // the same codes, scales and input ranges. On CPUs where ONNX Runtime's int8 products take the same
            // kernel in both graphs only the order of float sums differs (0.99999, AVX-512 VNNI Xeon of earlier runs);
            // where QAttention's kernel differs from MatMulInteger's (measured 0.9983 on a Xeon with AVX-VNNI),
            // the two differ by rounding of the int8 products, and the fused graph must then stay as close to fp32
            assertTrue(cosine > 0.997, "mean per-token cosine " + cosine);
            assertTrue(fusedToFp32 >= plainToFp32 - 0.002, "fused " + fusedToFp32 + " vs plain " + plainToFp32 + " to fp32");
        }
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

    /** The jar's fp32 MiniLM as a checkpoint. */
    private static Checkpoint jarMiniLm() throws IOException {
        try (InputStream in = ModelCache.openOnnx(PretrainedEncoder.MINILM_L6)) {
            return new OnnxImporter().read(in, PretrainedEncoder.MINILM_L6.config());
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

        // unoptimized, so that ONNX Runtime cannot rewrite both graphs into the same kernels
        EncoderOptions plain = new EncoderOptions(512, 128, 2, "none");
        try (Encoder original = Encoder.open(pretrained, CACHE, plain);
             Encoder ours = Encoder.open(exported, CACHE.tokenizer(pretrained), plain)) {
            List<TokenizedText> batch = new java.util.ArrayList<>(SENTENCES.stream().map(original::tokenize).toList());
            // a question and passage pair, so that the second token type's embedding is used too
            batch.addAll(original.tokenizePair(SENTENCES.get(2), SENTENCES.get(0)));
            Map<String, FloatArray> expected = original.run(batch);
            Map<String, FloatArray> actual = ours.run(batch);
            double diff = HiddenStates.maxAbsDiff(expected.get("last_hidden_state"), actual.get("last_hidden_state"), batch);
            assertTrue(diff <= 1e-4, pretrained + (fused ? " fused" : "") + ": max abs diff " + diff);
        }
    }
}
