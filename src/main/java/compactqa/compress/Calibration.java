package compactqa.compress;

import java.util.Map;

/**
 * Activation statistics of the uncompressed model: per linear layer, the mean square of each input
 * feature over calibration texts ({@link compactqa.model.LayerInputs}).
 */
public record Calibration(Map<String, float[]> inputMeanSquares) {

    /** No statistics: methods that could use them weigh every input feature alike. */
    public static final Calibration NONE = new Calibration(Map.of());

    /** The statistics of layer {@code name}, or null. */
    public float[] of(String name) {
        return inputMeanSquares.get(name);
    }
}
