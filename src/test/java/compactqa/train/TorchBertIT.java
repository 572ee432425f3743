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
}
