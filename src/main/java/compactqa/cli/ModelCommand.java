package compactqa.cli;

import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qa model}: checkpoints in and out of ONNX. */
@Dependent
@Command(name = "model", description = "Import encoders into checkpoints and export checkpoints to ONNX.",
        subcommands = {ModelImportCommand.class, ModelExportCommand.class})
public class ModelCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
