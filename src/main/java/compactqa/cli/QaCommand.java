package compactqa.cli;

import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;

/** The {@code qa} command. */
@Dependent
@Command(name = "qa", mixinStandardHelpOptions = true, version = "CompactQA 0.1.0",
        description = "Multi-hop question answering over a Lucene index, compressed for the CPU.",
        subcommands = {ServeCommand.class, IndexCommand.class, SearchCommand.class, AskCommand.class, EvalCommand.class, BenchCommand.class,
                ModelCommand.class, TrainCommand.class, CompressCommand.class, LoadtestCommand.class})
public class QaCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
