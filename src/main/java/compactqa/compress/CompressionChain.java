package compactqa.compress;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import compactqa.model.Checkpoint;
import compactqa.model.LayerInputs;
import compactqa.model.OutputDrift;

/**
 * Compression methods applied in order, each to what the earlier ones left plain, after measuring
 * the calibration that any of them needs on the uncompressed model.
 */
public final class CompressionChain {

    /** Texts the output-drift probe runs on: enough to rank layers, few enough to stay quick. */
    private static final int PROBE_TEXTS = 32;
    private static final int PROBE_LENGTH = 256;

    private final List<Method> kinds;
    private final List<CompressionMethod> methods;

    /** The chain of methods {@code kinds}, in order, configured by {@code options}. */
    public CompressionChain(List<Method> kinds, MethodOptions options) {
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("name at least one method: " + Method.NAMES);
        }
        this.kinds = List.copyOf(kinds);
        this.methods = this.kinds.stream().map(options::method).toList();
    }

    /** The methods' names, joined by {@code separator}. */
    public String name(String separator) {
        return String.join(separator, kinds.stream().map(Method::label).toList());
    }

    /** Whether any method needs calibration texts. */
    public boolean calibrates() {
        return kinds.stream().anyMatch(Method::calibrates);
    }

    /**
     * What the chain needs measured on {@code checkpoint} over {@code texts}: input statistics, and
     * the output-drift probe where a method ranks layers by it.
     */
    public Calibration calibrate(Checkpoint checkpoint, Path tokenizer, List<String> texts, Path work) throws IOException {
        if (!calibrates()) {
            return Calibration.NONE;
        }
        Map<String, float[]> meanSquares = LayerInputs.meanSquares(checkpoint, tokenizer, texts, work);
        OutputDrift drift = kinds.stream().anyMatch(Method::probes)
                ? OutputDrift.of(checkpoint, tokenizer, texts.subList(0, Math.min(texts.size(), PROBE_TEXTS)), PROBE_LENGTH, work)
                : null;
        return new Calibration(meanSquares, drift);
    }

    /** The compressed checkpoint, and how it was made. */
    public record Result(Checkpoint checkpoint, String description) {
    }

    /** Applies the methods in order, saying on {@code log} how long each took. */
    public Result apply(Checkpoint checkpoint, Calibration calibration, PrintWriter log) {
        List<String> how = new ArrayList<>();
        Checkpoint current = checkpoint;
        for (int i = 0; i < methods.size(); i++) {
            CompressionMethod method = methods.get(i);
            String name = kinds.get(i).label();
            long start = System.nanoTime();
            current = method.apply(current, calibration);
            how.add(name + " (" + method.settings() + ")");
            log.printf("%s done in %.1f s%n", name, (System.nanoTime() - start) / 1e9);
            log.flush();
        }
        return new Result(current, String.join(", then ", how));
    }
}
