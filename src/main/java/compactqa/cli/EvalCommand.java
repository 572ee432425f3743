package compactqa.cli;

import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qa eval}: benchmarks whose results go to {@code eval/results} and {@code eval/README.md}. */
@Dependent
@Command(name = "eval", description = "Run benchmarks and regenerate eval/README.md.",
        subcommands = {EvalRetrievalCommand.class, EvalReportCommand.class, EvalVerifyCommand.class,
                EvalReaderCommand.class, EvalCompressorCommand.class, EvalQaCommand.class, EvalCompressedCommand.class,
                EvalIndexScaleCommand.class, EvalPrecisionCommand.class})
public class EvalCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
