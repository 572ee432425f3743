package compactqa.compress;

import java.util.Map;

import compactqa.model.OutputDrift;

/**
 * What was measured on the uncompressed model with calibration texts: per linear layer, the mean
 * square of each input feature ({@link compactqa.model.LayerInputs}); and a probe of how far the
 * model's outputs move when its weights change, for the methods that measure each layer's
 * sensitivity.
 *
 * @param drift the probe, or null where none was measured
 */
public record Calibration(Map<String, float[]> inputMeanSquares, OutputDrift drift) {

    /** Nothing measured: methods that could use it weigh every input feature and layer alike. */
    public static final Calibration NONE = new Calibration(Map.of(), null);

    /** The statistics of layer {@code name}, or null. */
    public float[] of(String name) {
        return inputMeanSquares.get(name);
    }
}
