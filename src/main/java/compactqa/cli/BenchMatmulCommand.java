package compactqa.cli;

import java.util.List;
import java.util.concurrent.Callable;

import compactqa.eval.MatmulBenchResult;
import compactqa.eval.MatmulBenchmark;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qa bench matmul}: the reader's matrix products alone, fp32 against int8, in GOPS and against the CPU's peak. */
@Dependent
@Command(name = "matmul",
        description = {"Time one linear layer alone on ONNX Runtime, as the exported reader writes it in fp32 (MatMul) and int8",
                "(DynamicQuantizeMatMul), at the shapes of a 384-token window through MiniLM's layers and a 1024 square,",
                "calls of the two precisions alternating: achieved GOPS, the share of the CPU's nominal peak, int8's",
                "speed-up. Writes eval/results/matmul-bench.json."})
public class BenchMatmulCommand implements Callable<Integer> {

    @Mixin
    CommandContext context;

    @Option(names = "--threads", split = ",", defaultValue = "1,2", paramLabel = "N",
            description = "Intra-op thread counts to measure (default: ${DEFAULT-VALUE}).")
    List<Integer> threads;

    @Option(names = "--calls-scale", defaultValue = "1.0", paramLabel = "X",
            description = "Scale the number of timed calls (default ${DEFAULT-VALUE}).")
    double callsScale;

    @Mixin
    ResultsFolder output;

    @Override
    public Integer call() throws Exception {
        if (!(callsScale > 0 && callsScale <= 10)) {
            throw new IllegalArgumentException("--calls-scale must be in (0, 10]");
        }
        if (threads.isEmpty() || threads.stream().anyMatch(t -> t < 1 || t > 64)) {
            throw new IllegalArgumentException("--threads must list counts from 1 to 64");
        }
        MatmulBenchResult result = new MatmulBenchmark().run(threads, callsScale, context.run(), context.err());
        context.out().printf("wrote %s%n", context.record(result, "matmul-bench.json", output));
        return 0;
    }
}
