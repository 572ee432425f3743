package compactqa.cli;

import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qa bench}: speed benchmarks, written to {@code eval/results}. */
@Dependent
@Command(name = "bench", description = "Measure speed; results go to eval/results.",
        subcommands = {BenchEncoderCommand.class, BenchMatmulCommand.class})
public class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
