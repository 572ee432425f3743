package compactqa.cli;

import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/** The {@code qa} command. Its subcommands inherit the standard help options ({@code --help}, {@code --version}). */
@Dependent
@Command(name = "qa", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, version = "CompactQA 0.1.0",
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
