package compactqa.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/** Small random BERT checkpoints for tests: one layer, hidden 32, vocabulary 50. */
public final class TestCheckpoints {

    public static final EncoderConfig TINY = new EncoderConfig(1, 32, 2, 64, 50, 16, 2, 1e-12);

    private TestCheckpoints() {
    }

    /** Every tensor of {@link #TINY}, drawn from N(0, 1) with {@code seed}. */
    public static Checkpoint random(long seed) {
        return random(TINY, seed);
    }

    /** Every tensor of {@code config}, drawn from N(0, 1) with {@code seed}. */
    public static Checkpoint random(EncoderConfig config, long seed) {
        Random random = new Random(seed);
        Map<String, Tensor> tensors = new HashMap<>();
        BertNames.expectedShapes(config).forEach((name, shape) -> {
            int n = 1;
            for (long d : shape) {
                n *= (int) d;
            }
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = (float) random.nextGaussian();
            }
            tensors.put(name, Tensor.ofFloats(shape, v));
        });
        return new Checkpoint(config, tensors).validate();
    }
}
