package compactqa.compress;

import compactqa.model.Checkpoint;

/**
 * One offline compression method: a checkpoint in, a checkpoint out whose compressed layers hold
 * the tensors of a {@link compactqa.model.LinearForm} (so the export and the runtime read them
 * without knowing the method). Methods compose: each touches only the layers still held plainly.
 * Their names are {@link Method}'s, which makes them ({@link MethodOptions#method}).
 */
public interface CompressionMethod {

    /** The settings, for the manifest and the report. */
    String settings();

    /**
     * Compresses {@code checkpoint}.
     *
     * @param calibration activation statistics of the uncompressed model, for the methods that
     *                    weigh errors by what the layers actually see
     */
    Checkpoint apply(Checkpoint checkpoint, Calibration calibration);
}
