package compactqa.cli;

import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qa index}: build, extend and describe the paragraph index. */
@Dependent
@Command(name = "index", description = "Build, extend and describe the paragraph index.",
        subcommands = {IndexBuildCommand.class, IndexAddCommand.class, IndexStatsCommand.class, IndexGenerateCommand.class})
public class IndexCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
