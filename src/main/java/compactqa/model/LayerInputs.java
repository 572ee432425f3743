package compactqa.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.onnx.proto.OnnxMl.TensorProto;

/**
 * What the linear layers of a checkpoint see: the mean square of each input feature of each
 * layer over the real tokens of some texts, measured on ONNX Runtime by exporting the encoder with
 * every linear layer's input as an extra output. Activation-aware compression weighs a weight's
 * columns by these, since an error in a column that sees large inputs costs more.
 */
public final class LayerInputs {

    private LayerInputs() {
    }

    /**
     * The mean squares per input feature, by layer name, over {@code texts} (each one sequence,
     * cut at the tokenizer's maximum length).
     */
    public static Map<String, float[]> meanSquares(Checkpoint checkpoint, Path tokenizer, List<String> texts, Path workDir)
            throws IOException {
        Map<String, String> inputOf = new LinkedHashMap<>();
        Set<String> tapped = new LinkedHashSet<>();
        LinearForm tap = (graph, ck, name, input) -> {
            inputOf.put(name, input);
            if (tapped.add(input)) {
                graph.output(input, TensorProto.DataType.FLOAT, "batch", "sequence", "features");
            }
            return DenseLinear.INSTANCE.emit(graph, ck, name, input);
        };
        Path graph = Files.createTempFile(workDir, "taps", ".onnx");
        try {
            Files.write(graph, new BertOnnxExporter().export(checkpoint, List.of(), name -> tap, false).toByteArray());
            Map<String, double[]> sums = new HashMap<>();
            long tokens = 0;
            try (Encoder encoder = Encoder.open(graph, tokenizer, new EncoderOptions(256, 0, 2, "basic"))) {
                for (int from = 0; from < texts.size(); from += 8) {
                    List<TokenizedText> batch = texts.subList(from, Math.min(texts.size(), from + 8)).stream().map(encoder::tokenize).toList();
                    Map<String, FloatArray> out = encoder.run(batch);
                    for (String value : tapped) {
                        FloatArray a = out.get(value);
                        int features = (int) a.shape()[2];
                        double[] sum = sums.computeIfAbsent(value, v -> new double[features]);
                        for (int r = 0; r < batch.size(); r++) {
                            for (int t = 0; t < batch.get(r).length(); t++) {
                                float[] x = a.vector(r, t);
                                for (int f = 0; f < features; f++) {
                                    sum[f] += (double) x[f] * x[f];
                                }
                            }
                        }
                    }
                    tokens += batch.stream().mapToInt(TokenizedText::length).sum();
                }
            }
            Map<String, float[]> means = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : inputOf.entrySet()) {
                double[] sum = sums.get(e.getValue());
                float[] mean = new float[sum.length];
                for (int f = 0; f < sum.length; f++) {
                    mean[f] = (float) (sum[f] / Math.max(1, tokens));
                }
                means.put(e.getKey(), mean);
            }
            return means;
        } finally {
            Files.deleteIfExists(graph);
        }
    }
}
