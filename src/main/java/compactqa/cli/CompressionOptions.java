package compactqa.cli;

import compactqa.qa.CompressionSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The active compression's settings a benchmark may override; what is not given keeps the service's. */
public class CompressionOptions {

    @Mixin
    LoopOptions loop;

    @Option(names = "--sentence-threshold", paramLabel = "P", description = "Probability a sentence needs to become evidence.")
    Double sentenceThreshold;

    @Option(names = "--sufficiency-threshold", paramLabel = "P", description = "Probability of sufficiency that ends the reading.")
    Double sufficiencyThreshold;

    @Option(names = "--check-evidence", arity = "1", paramLabel = "BOOL",
            description = "Check the merged evidence before reading the next segment (default: compactqa.qa.check-evidence).")
    Boolean checkEvidence;

    /** {@code configured} with the options given. */
    public CompressionSettings over(CompressionSettings configured) {
        return configured.with(loop.segmentSize, loop.maxSteps, loop.budget, sentenceThreshold, sufficiencyThreshold, checkEvidence);
    }
}
