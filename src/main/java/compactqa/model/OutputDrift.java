package compactqa.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How far a changed checkpoint's hidden states move from a reference checkpoint's on some texts:
 * {@code Σ‖h' − h‖² / Σ‖h‖²} over the real tokens, both graphs run on ONNX Runtime. Compression
 * methods use it to measure how sensitive the model is to each layer (replace one layer, see what
 * moves), rather than assuming every layer matters alike. Not thread-safe.
 */
public final class OutputDrift {

    private static final int BATCH = 8;

    private final Path tokenizer;
    private final Path workDir;
    private final List<List<TokenizedText>> batches;
    private final List<FloatArray> reference;

    private OutputDrift(Path tokenizer, Path workDir, List<List<TokenizedText>> batches, List<FloatArray> reference) {
        this.tokenizer = tokenizer;
        this.workDir = workDir;
        this.batches = batches;
        this.reference = reference;
    }

    /**
     * The reference outputs of {@code checkpoint} on {@code texts}, each one sequence of at most
     * {@code maxLength} tokens.
     */
    public static OutputDrift of(Checkpoint checkpoint, Path tokenizer, List<String> texts, int maxLength, Path workDir)
            throws IOException {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no calibration texts");
        }
        OutputDrift empty = new OutputDrift(tokenizer, workDir, List.of(), List.of());
        List<List<TokenizedText>> batches = new ArrayList<>();
        List<FloatArray> reference = new ArrayList<>();
        try (Encoder encoder = empty.open(checkpoint, maxLength)) {
            for (int from = 0; from < texts.size(); from += BATCH) {
                List<TokenizedText> batch = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
                        .map(encoder::tokenize).toList();
                batches.add(batch);
                reference.add(encoder.run(batch).get("last_hidden_state"));
            }
        }
        return new OutputDrift(tokenizer, workDir, batches, reference);
    }

    /** The relative squared change of the hidden states when {@code changed} replaces the reference. */
    public double of(Checkpoint changed) throws IOException {
        double moved = 0;
        double total = 0;
        int maxLength = batches.stream().flatMap(List::stream).mapToInt(TokenizedText::length).max().orElse(8);
        try (Encoder encoder = open(changed, Math.max(8, maxLength))) {
            for (int b = 0; b < batches.size(); b++) {
                List<TokenizedText> batch = batches.get(b);
                FloatArray h = reference.get(b);
                FloatArray g = encoder.run(batch).get("last_hidden_state");
                for (int r = 0; r < batch.size(); r++) {
                    for (int t = 0; t < batch.get(r).length(); t++) {
                        float[] x = h.vector(r, t);
                        float[] y = g.vector(r, t);
                        for (int f = 0; f < x.length; f++) {
                            double d = y[f] - x[f];
                            moved += d * d;
                            total += (double) x[f] * x[f];
                        }
                    }
                }
            }
        }
        return moved / Math.max(total, 1e-30);
    }

    private Encoder open(Checkpoint checkpoint, int maxLength) throws IOException {
        Path graph = Files.createTempFile(workDir, "drift", ".onnx");
        try {
            Files.write(graph, new BertOnnxExporter().export(checkpoint, List.of(), LinearForms.of(checkpoint, Precision.FP32))
                    .toByteArray());
            // ONNX Runtime has read the file once the session exists
            return Encoder.open(graph, tokenizer, new EncoderOptions(maxLength, 0, 2, "basic"));
        } finally {
            Files.deleteIfExists(graph);
        }
    }
}
