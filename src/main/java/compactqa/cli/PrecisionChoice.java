package compactqa.cli;

import compactqa.model.ModelConfig;
import compactqa.model.Precisions;
import picocli.CommandLine.Option;

/** The precisions a benchmark's models run at, and the ones its active method is compared with in the same run. */
public class PrecisionChoice {

    @Option(names = "--precision", paramLabel = "P",
            description = "The models' linear layers: fp32 or int8 for both, or reader-P+compressor-P (default: the service's, "
                    + "compactqa.model.reader-precision and compactqa.model.compressor-precision).")
    String precision;

    @Option(names = "--compare-precision", paramLabel = "P",
            description = "Also answer every question with the active method at precision P (as --precision), among the other methods "
                    + "(method active_P in the result): what the run's precisions cost, measured under the same load.")
    String compared;

    /** The precisions the run answers at. */
    Precisions served(ModelConfig models) {
        return precision != null ? Precisions.of(precision) : models.precisions();
    }

    /** The precisions to compare with, or null for none. */
    Precisions compared(ModelConfig models) {
        if (compared == null) {
            return null;
        }
        Precisions other = Precisions.of(compared);
        if (other.equals(served(models))) {
            throw new IllegalArgumentException("--compare-precision " + compared + " is the run's own precision");
        }
        return other;
    }
}
