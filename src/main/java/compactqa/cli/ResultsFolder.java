package compactqa.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * {@code --output}: where a benchmark's result goes. By default {@code eval/results}, and the report
 * is regenerated; elsewhere (as {@code eval verify} re-runs a result) the report is left alone.
 */
public class ResultsFolder {

    @Option(names = "--output", paramLabel = "DIR", description = "Results folder (default: eval/results).")
    Path output;

    /** The folder given, or null for the project's results. */
    public Path given() {
        return output;
    }
}
