package compactqa.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Option;

/** The data set files a benchmark pools ({@code --dataset}, repeatable), each checked to exist before any work. */
public class DatasetFiles {

    @Option(names = "--dataset", required = true, paramLabel = "FILE", description = "A data set file (repeatable).")
    List<Path> files;

    /** The files, in the order given. */
    public List<Path> existing() {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no such data set file: " + file);
            }
        }
        return List.copyOf(files);
    }
}
