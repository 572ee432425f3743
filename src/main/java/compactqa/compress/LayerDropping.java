package compactqa.compress;

import java.util.ArrayList;
import java.util.List;

import compactqa.model.BertNames;
import compactqa.model.Checkpoint;

/**
 * Layer reduction without training: of the model's layers, every {@code L/n}-th is kept (for 6 to
 * 3, layers 0, 2 and 4), the others dropped. The baseline progressive module replacing has to beat.
 */
public record LayerDropping(int layers) implements CompressionMethod {

    public LayerDropping {
        if (layers < 1) {
            throw new IllegalArgumentException("a model keeps at least one layer, got " + layers);
        }
    }


    @Override
    public String settings() {
        return "every other layer dropped, " + layers + " kept, no training";
    }

    @Override
    public Checkpoint apply(Checkpoint checkpoint, Calibration calibration) {
        int n = checkpoint.config().layers();
        if (layers >= n || n % layers != 0) {
            throw new IllegalArgumentException("cannot keep " + layers + " of " + n + " layers evenly");
        }
        List<String> kept = new ArrayList<>();
        for (int k = 0; k < layers; k++) {
            kept.add(BertNames.layer(k * (n / layers), ""));
        }
        return checkpoint.withLayers(kept);
    }
}
