package compactqa.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code qa index add PATH...}: extend the live index in place. */
@Dependent
@Command(name = "add",
        description = {"Add the paragraphs of corpus files and folders to the live index, skipping those it already has.",
                "The addition is one atomic commit: if it fails or is killed, the index stays as it was."})
public class IndexAddCommand extends IndexWriteCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Corpus files or folders.")
    List<Path> inputs;

    @Override
    public Integer call() throws Exception {
        return write(inputs, "adding from", (files, read, progress) -> index.add(files, read, progress));
    }
}
