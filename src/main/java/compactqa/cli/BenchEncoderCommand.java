package compactqa.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import compactqa.eval.EncoderBenchResult;
import compactqa.eval.EncoderBenchmark;
import compactqa.index.IndexStore;
import compactqa.model.Precision;
import compactqa.model.PretrainedEncoder;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qa bench encoder}: ONNX Runtime latency of the jar graphs and of our exported ones. */
@Dependent
@Command(name = "encoder",
        description = {"Latency p50/p95 and tokens/s at batch x sequence 1x128, 1x384 and 8x256 for the jar graphs",
                "(fp32, and MiniLM's int8) and the graphs exported from their imported checkpoints, interleaved",
                "in one run; with the exported graphs' parity. Writes eval/results/encoder-bench.json."})
public class BenchEncoderCommand implements Callable<Integer> {

    @Mixin
    CommandContext context;

    @Option(names = "--encoders", split = ",", paramLabel = "ID",
            description = "Base encoders (default: all-minilm-l6-v2,bge-small-en-v1.5).")
    List<String> encoders = List.of("all-minilm-l6-v2", "bge-small-en-v1.5");

    @Option(names = "--reps-scale", defaultValue = "1.0", paramLabel = "X",
            description = "Scale the number of timed calls (default ${DEFAULT-VALUE}).")
    double repsScale;

    @Option(names = "--threads", paramLabel = "N", description = "ONNX Runtime threads (default: compactqa.model.threads).")
    Integer threads;

    @Mixin
    ResultsFolder output;

    @Override
    public Integer call() throws Exception {
        if (!(repsScale > 0 && repsScale <= 10)) {
            throw new IllegalArgumentException("--reps-scale must be in (0, 10]");
        }
        List<PretrainedEncoder> bases = encoders.stream().map(PretrainedEncoder::of).toList();
        for (PretrainedEncoder base : bases) {
            if (base.precision() != Precision.FP32) {
                throw new IllegalArgumentException(base.id() + " is not an fp32 base encoder");
            }
        }
        var options = threads == null ? context.models().encoderOptions() : context.models().encoderOptions().withThreads(threads);
        Path work = Files.createTempDirectory("compactqa-bench-");
        EncoderBenchResult result;
        try {
            result = new EncoderBenchmark().run(bases, context.models().cache(), options, repsScale, work, context.run(), context.err());
        } finally {
            IndexStore.deleteTree(work);
        }
        Path file = context.record(result, "encoder-bench.json", output);
        result.ratios().forEach((k, v) -> context.out().printf("%-45s %.3f%n", k, v));
        context.out().printf("wrote %s%n", file);
        return 0;
    }
}
