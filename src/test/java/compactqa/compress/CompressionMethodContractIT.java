package compactqa.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import compactqa.model.Checkpoint;
import compactqa.model.Encoder;
import compactqa.model.EncoderOptions;
import compactqa.model.FloatArray;
import compactqa.model.ModelArtifact;
import compactqa.model.ModelCache;
import compactqa.model.OnnxImporter;
import compactqa.model.Precision;
import compactqa.model.PretrainedEncoder;
import compactqa.model.Safetensors;
import compactqa.model.Tensor;
import compactqa.model.TokenizedText;

/**
 * What every offline compression method promises, checked on MiniLM: a valid checkpoint of the
 * same width, the same result when run twice, a graph ONNX Runtime runs to hidden states of the
 * original's shape, and fewer bytes than it started from.
 */
class CompressionMethodContractIT {

    private static final ModelCache CACHE = new ModelCache(Path.of("target/model-cache"));
    private static final EncoderOptions PLAIN = new EncoderOptions(512, 128, 2, "none");
    /** Quick settings: few training steps, so that the contract, not the quality, is what is tested. */
    private static final MethodOptions QUICK = new MethodOptions(0.5, 0, null, true, 3, 3, 0.9, 0.25, 1);
    private static final List<String> TEXTS = List.of("Denver hosted Super Bowl 50.", "Which team won the final in 2016?");

    @TempDir
    static Path tmp;

    static Checkpoint base;
    /** An encoder without heads, from MiniLM. */
    private static final ModelArtifact.Manifest MANIFEST = new ModelArtifact.Manifest(compactqa.model.Task.READER, PretrainedEncoder.MINILM_L6.id(),
            List.of(), 128, 32, 32, 0, "", null);

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ModelCache.openOnnx(PretrainedEncoder.MINILM_L6)) {
            // two of MiniLM's six layers: every method meets each kind of layer, in a third of the time
            base = new OnnxImporter().read(in, PretrainedEncoder.MINILM_L6.config())
                    .withLayers(List.of("encoder.layer.0.", "encoder.layer.1."));
        }
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void keepsTheContract(Method kind) throws IOException {
        String name = kind.label();
        CompressionMethod method = QUICK.method(kind);
        // the calibration a method needs is measured as qa compress measures it
        Calibration calibration = new CompressionChain(List.of(kind), QUICK).calibrate(base,
                CACHE.tokenizer(PretrainedEncoder.MINILM_L6), TEXTS, Files.createDirectories(tmp.resolve(name + "-calibration")));
        Checkpoint once = method.apply(base, calibration).validate();
        Checkpoint twice = QUICK.method(kind).apply(base, calibration);

        // shape: same width, the layers the method says
        assertEquals(base.config().hidden(), once.config().hidden());
        assertEquals(kind == Method.DROP ? 1 : base.config().layers(), once.config().layers());

        // determinism: the same tensors, bit for bit
        assertEquals(once.tensors().keySet(), twice.tensors().keySet());
        for (Map.Entry<String, Tensor> e : once.tensors().entrySet()) {
            Tensor again = twice.tensor(e.getKey());
            assertEquals(e.getValue().dtype(), again.dtype());
            assertArrayEquals(raw(e.getValue()), raw(again), name + ": " + e.getKey() + " differs between runs");
        }
        assertTrue(method.settings() != null && !method.settings().isBlank(), "settings recorded for the manifest");

        // size accounting: saved as the service loads it, the weights take fewer bytes than the
        // original's in the same fp16 storage, and the file is what its tensors add up to
        Path dir = tmp.resolve(name);
        ModelArtifact saved = ModelArtifact.saveCompressed(dir, once, MANIFEST, name + " (" + method.settings() + ")");
        long file = Files.size(dir.resolve("weights.safetensors"));
        long fp16 = base.tensors().values().stream().mapToLong(t -> t.count() * 2).sum();
        assertTrue(file < fp16, name + ": " + file + " bytes on disk against " + fp16 + " for the original in fp16");
        long stored = Safetensors.read(dir.resolve("weights.safetensors")).tensors().values().stream().mapToLong(Tensor::byteSize).sum();
        assertTrue(file >= stored && file - stored < 64 * 1024, name + ": " + file + " bytes for " + stored + " bytes of tensors");

        // round trip through ONNX Runtime, as served: hidden states of the original's shape, all finite
        try (Encoder encoder = Encoder.open(saved.onnx(CACHE, Precision.FP32), CACHE.tokenizer(PretrainedEncoder.MINILM_L6), PLAIN)) {
            List<TokenizedText> batch = TEXTS.stream().map(encoder::tokenize).toList();
            FloatArray hidden = encoder.run(batch).get("last_hidden_state");
            assertEquals(TEXTS.size(), hidden.shape()[0]);
            assertEquals(base.config().hidden(), hidden.shape()[2]);
            for (float x : hidden.data()) {
                assertTrue(Float.isFinite(x), name + ": a hidden state is not finite");
            }
        }
    }

    private static byte[] raw(Tensor t) {
        byte[] out = new byte[(int) t.byteSize()];
        t.data().get(out);
        return out;
    }
}
