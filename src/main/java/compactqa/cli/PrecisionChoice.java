package compactqa.cli;

import compactqa.model.ModelConfig;
import compactqa.model.Precision;
import picocli.CommandLine.Option;

/** The precision a benchmark's models run at, and the one its active method is compared with in the same run. */
public class PrecisionChoice {

    @Option(names = "--precision", paramLabel = "P", description = "The models' linear layers: fp32 or int8 (default: compactqa.model.precision).")
    Precision precision;

    @Option(names = "--compare-precision", paramLabel = "P",
            description = "Also answer every question with the active method at precision P, among the other methods (method active_P in "
                    + "the result): what the run's precision costs, measured under the same load.")
    Precision compared;

    /** The precision the run answers at. */
    Precision served(ModelConfig models) {
        return precision != null ? precision : models.precision();
    }

    /** The precision to compare with, or null for none. */
    Precision compared(ModelConfig models) {
        if (compared != null && compared == served(models)) {
            throw new IllegalArgumentException("--compare-precision " + compared.id() + " is the run's own precision");
        }
        return compared;
    }
}
