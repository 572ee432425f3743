package compactqa.model;

import java.util.Arrays;
import java.util.List;

/** Comparisons of two models' hidden states over the real (unpadded) tokens of a batch. */
public final class HiddenStates {

    private HiddenStates() {
    }

    /** The largest absolute difference of any element of any real token. */
    public static double maxAbsDiff(FloatArray a, FloatArray b, List<TokenizedText> batch) {
        checkShapes(a, b);
        double max = 0;
        for (int r = 0; r < batch.size(); r++) {
            for (int t = 0; t < batch.get(r).length(); t++) {
                float[] x = a.vector(r, t);
                float[] y = b.vector(r, t);
                for (int i = 0; i < x.length; i++) {
                    max = Math.max(max, Math.abs(x[i] - y[i]));
                }
            }
        }
        return max;
    }

    /** The mean over real tokens of the cosine similarity of their two hidden vectors. */
    public static double meanCosine(FloatArray a, FloatArray b, List<TokenizedText> batch) {
        checkShapes(a, b);
        double sum = 0;
        int n = 0;
        for (int r = 0; r < batch.size(); r++) {
            for (int t = 0; t < batch.get(r).length(); t++) {
                sum += cosine(a.vector(r, t), b.vector(r, t));
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    static double cosine(float[] x, float[] y) {
        double dot = 0;
        double nx = 0;
        double ny = 0;
        for (int i = 0; i < x.length; i++) {
            dot += (double) x[i] * y[i];
            nx += (double) x[i] * x[i];
            ny += (double) y[i] * y[i];
        }
        return nx == 0 || ny == 0 ? 0 : dot / Math.sqrt(nx * ny);
    }

    private static void checkShapes(FloatArray a, FloatArray b) {
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException("hidden states of different shapes: " + Arrays.toString(a.shape())
                    + " and " + Arrays.toString(b.shape()));
        }
    }
}
