package compactqa.cli;

import picocli.CommandLine.Option;

/** How the active loop reads, as a caller may override it: documents per step, steps, evidence budget. */
public class LoopOptions {

    @Option(names = "--segment-size", paramLabel = "J", description = "Documents per step.")
    Integer segmentSize;

    @Option(names = "--max-steps", paramLabel = "N", description = "Most steps.")
    Integer maxSteps;

    @Option(names = "--budget", paramLabel = "TOKENS", description = "Evidence token budget.")
    Integer budget;
}
