package compactqa.cli;

import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qa train}: the project's own task models, trained on the CPU. */
@Dependent
@Command(name = "train", description = "Train the reader or the compressor from a recipe.",
        subcommands = {TrainTaskCommand.Reader.class, TrainTaskCommand.Compressor.class, TrainCalibrateCommand.class,
                TrainSelectionCommand.class, TrainLoopCommand.class})
public class TrainCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
