package compactqa.train;

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

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import compactqa.model.BertOnnxExporter;
import compactqa.model.Checkpoint;
import compactqa.model.Encoder;
import compactqa.model.EncoderOptions;
import compactqa.model.FloatArray;
import compactqa.model.Head;
import compactqa.model.HiddenStates;
import compactqa.model.ModelCache;
import compactqa.model.OnnxImporter;
import compactqa.model.PretrainedEncoder;
import compactqa.model.TokenBatch;
import compactqa.model.TokenizedText;

/** The DJL encoder in evaluation mode computes what ONNX Runtime computes for the same checkpoint. */
class TorchBertIT {

    static final ModelCache CACHE = new ModelCache(Path.of("target/model-cache"));

    @TempDir
    Path tmp;

    @Test
    void matchesOnnxRuntimeWithin1e4IncludingHeads() throws IOException {
        Checkpoint checkpoint;
        try (InputStream in = ModelCache.openOnnx(PretrainedEncoder.MINILM_L6)) {
            checkpoint = new OnnxImporter().read(in, PretrainedEncoder.MINILM_L6.config());
        }
        try (NDManager manager = NDManager.newBaseManager("PyTorch");
             ModelParameters params = ModelParameters.of(checkpoint, manager)) {
            params.addHead("span", 2, 1);
            params.addHead("answer_type", 3, 2);
            Path onnx = tmp.resolve("heads.onnx");
            Files.write(onnx, new BertOnnxExporter().export(params.toCheckpoint(), List.of(
                    new Head("span", Head.Pooling.TOKENS, 2), new Head("answer_type", Head.Pooling.CLS, 3)),
                    BertOnnxExporter.DENSE, false).toByteArray());
            try (Encoder ort = Encoder.open(onnx, CACHE.tokenizer(PretrainedEncoder.MINILM_L6), EncoderOptions.DEFAULT)) {
                List<TokenizedText> batch = List.of(ort.tokenize("Who portrayed Corliss Archer in the film Kiss and Tell?"),
                        ort.tokenize("Shirley Temple Black was an American actress, singer, dancer, businesswoman, and diplomat."),
                        ort.tokenize("Yes."));
                Map<String, FloatArray> expected = ort.run(batch);
                TokenBatch inputs = TokenBatch.of(batch);
                TorchBert bert = new TorchBert(params);
                try (NDManager step = manager.newSubManager()) {
                    NDArray ids = step.create(inputs.ids(), new Shape(inputs.rows(), inputs.length()));
                    NDArray types = step.create(inputs.types(), new Shape(inputs.rows(), inputs.length()));
                    NDArray mask = step.create(inputs.mask(), new Shape(inputs.rows(), inputs.length()));
                    NDArray hidden = bert.encode(ids, types, mask, false, 0.1f);
                    FloatArray actual = new FloatArray(hidden.getShape().getShape(), hidden.toFloatArray());
                    double diff = HiddenStates.maxAbsDiff(expected.get("last_hidden_state"), actual, batch);
                    assertTrue(diff <= 1e-4, "hidden states differ by " + diff);

                    NDArray span = bert.linear(hidden, "heads.span");
                    float[] spanOrt = expected.get("span").data();
                    float[] spanDjl = span.toFloatArray();
                    assertEquals(spanOrt.length, spanDjl.length);
                    double spanDiff = 0;
                    for (int r = 0; r < batch.size(); r++) {
                        for (int t = 0; t < batch.get(r).length(); t++) {
                            for (int o = 0; o < 2; o++) {
                                int i = (r * inputs.length() + t) * 2 + o;
                                spanDiff = Math.max(spanDiff, Math.abs(spanOrt[i] - spanDjl[i]));
                            }
                        }
                    }
                    assertTrue(spanDiff <= 1e-4, "span head differs by " + spanDiff);
                }
            }
        }
    }

    /**
     * Compacter adapters compute the same in DJL (from their factors) as in the exported graph (from
     * the composed dense projections), and an adapter whose up factor is zero changes nothing.
     */
    @Test
    void adaptersMatchOnnxRuntimeAndStartAsTheIdentity() throws IOException {
        Checkpoint checkpoint;
        try (InputStream in = ModelCache.openOnnx(PretrainedEncoder.MINILM_L6)) {
            checkpoint = new OnnxImporter().read(in, PretrainedEncoder.MINILM_L6.config());
        }
        try (NDManager manager = NDManager.newBaseManager("PyTorch");
             ModelParameters plain = ModelParameters.of(checkpoint, manager);
             ModelParameters adapted = ModelParameters.of(checkpoint, manager)) {
            Compacter.add(adapted, 4, 48, 3);
            try (Encoder ort = Encoder.open(onnxOf(plain.toCheckpoint(), "plain.onnx"), CACHE.tokenizer(PretrainedEncoder.MINILM_L6),
                    EncoderOptions.DEFAULT)) {
                List<TokenizedText> batch = List.of(ort.tokenize("Who portrayed Corliss Archer in the film Kiss and Tell?"));
                FloatArray fresh = hidden(new TorchBert(adapted), batch, manager);
                assertTrue(HiddenStates.maxAbsDiff(ort.run(batch).get("last_hidden_state"), fresh, batch) <= 1e-4,
                        "a fresh adapter is the identity");
                // give every up projection a non-zero fast factor, then compare with the exported graph
                java.util.Random random = new java.util.Random(5);
                for (String name : List.copyOf(adapted.all().keySet())) {
                    if (name.endsWith(".up.s")) {
                        float[] v = new float[(int) adapted.get(name).getShape().size()];
                        for (int i = 0; i < v.length; i++) {
                            v[i] = (float) (random.nextGaussian() * 0.1);
                        }
                        adapted.put(name, compactqa.model.Tensor.ofFloats(adapted.get(name).getShape().getShape(), v));
                    }
                }
                Checkpoint composed = new Checkpoint(checkpoint.config(), compactqa.model.CompacterWeights.expand(
                        adapted.toCheckpoint().tensors())).validate();
                try (Encoder withAdapters = Encoder.open(onnxOf(composed, "adapters.onnx"), CACHE.tokenizer(PretrainedEncoder.MINILM_L6),
                        EncoderOptions.DEFAULT)) {
                    FloatArray expected = withAdapters.run(batch).get("last_hidden_state");
                    FloatArray actual = hidden(new TorchBert(adapted), batch, manager);
                    assertTrue(HiddenStates.maxAbsDiff(expected, actual, batch) <= 1e-4, "adapters: DJL and ONNX Runtime agree");
                    assertTrue(HiddenStates.maxAbsDiff(expected, fresh, batch) > 1e-3, "the adapters now change the output");
                }
            }
        }
    }

    private Path onnxOf(Checkpoint checkpoint, String name) throws IOException {
        Path onnx = tmp.resolve(name);
        Files.write(onnx, new BertOnnxExporter().export(checkpoint, List.of(), BertOnnxExporter.DENSE, false).toByteArray());
        return onnx;
    }

    private static FloatArray hidden(TorchBert bert, List<TokenizedText> batch, NDManager manager) {
        TokenBatch inputs = TokenBatch.of(batch);
        try (NDManager step = manager.newSubManager()) {
            Shape shape = new Shape(inputs.rows(), inputs.length());
            NDArray hidden = bert.encode(step.create(inputs.ids(), shape), step.create(inputs.types(), shape),
                    step.create(inputs.mask(), shape), false, 0f);
            return new FloatArray(hidden.getShape().getShape(), hidden.toFloatArray());
        }
    }
}
