package compactqa.compress;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;

/**
 * A linear autoencoder of the rows of a matrix, {@code X ≈ (X·E)·D} with {@code E [d, r]} and
 * {@code D [r, d]}, trained with a direction-dominant loss after Bałazy et al. ("Direction is what
 * you need", 2021): per row {@code α·(1 − cos(x, x̂)) + (1 − α)·‖x − x̂‖²/‖x‖²}. The encoder runs
 * once, offline; what is kept are the codes {@code X·E} and the decoder {@code D}, so the stored form
 * costs what a rank-{@code r} factorization costs.
 *
 * <p>Training starts from the truncated SVD of {@code X} (the best solution in squared error) and
 * moves towards the directions, full batch, with Adam on DJL's PyTorch engine. Deterministic for
 * the same input.
 */
final class DirectionalAutoencoder {

    /**
     * The trained parts.
     *
     * @param codes   {@code X·E}, {@code [n, r]} row-major
     * @param decoder {@code D}, {@code [r, d]} row-major
     * @param cosine  mean cosine of the rows with their reconstructions, before and after training
     */
    record Result(float[] codes, float[] decoder, int rank, double cosineBefore, double cosineAfter) {
    }

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;

    private final double cosineWeight;
    private final int steps;
    private final double learningRate;

    DirectionalAutoencoder(double cosineWeight, int steps, double learningRate) {
        if (!(cosineWeight >= 0 && cosineWeight <= 1)) {
            throw new IllegalArgumentException("the cosine weight must be in [0, 1], got " + cosineWeight);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be at least 0, got " + steps);
        }
        this.cosineWeight = cosineWeight;
        this.steps = steps;
        this.learningRate = learningRate;
    }

    Result fit(float[] x, int n, int d, int rank) {
        if (rank < 1 || rank > Math.min(n, d)) {
            throw new IllegalArgumentException("rank must be in [1, " + Math.min(n, d) + "], got " + rank);
        }
        Svd svd = Svd.of(x, n, d);
        float[] right = svd.right(rank); // V_rᵀ [r, d]
        float[] encoder = new float[d * rank];
        for (int j = 0; j < rank; j++) {
            for (int i = 0; i < d; i++) {
                encoder[i * rank + j] = right[j * d + i];
            }
        }
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray rows = m.create(x, new Shape(n, d));
            NDArray e = m.create(encoder, new Shape(d, rank));
            NDArray dec = m.create(right, new Shape(rank, d));
            double before = meanCosine(rows, e, dec);
            e.setRequiresGradient(true);
            dec.setRequiresGradient(true);
            NDArray[] params = {e, dec};
            NDArray[] first = {e.zerosLike(), dec.zerosLike()};
            NDArray[] second = {e.zerosLike(), dec.zerosLike()};
            Engine engine = Engine.getEngine("PyTorch");
            for (int step = 1; step <= steps; step++) {
                // every intermediate of the step is closed with the scope; parameters and moments are updated in place
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    try (GradientCollector collector = engine.newGradientCollector()) {
                        collector.backward(loss(rows, e, dec));
                    }
                    double c1 = 1 - Math.pow(BETA1, step);
                    double c2 = 1 - Math.pow(BETA2, step);
                    for (int k = 0; k < params.length; k++) {
                        NDArray g = params[k].getGradient();
                        first[k].muli(BETA1).addi(g.mul(1 - BETA1));
                        second[k].muli(BETA2).addi(g.square().mul(1 - BETA2));
                        params[k].subi(first[k].div(c1).div(second[k].div(c2).sqrt().add(1e-8f)).mul(learningRate));
                        g.set(new NDIndex("..."), 0);
                    }
                }
            }
            double after = meanCosine(rows, e, dec);
            float[] codes = rows.matMul(e).toFloatArray();
            return new Result(codes, dec.toFloatArray(), rank, before, after);
        }
    }

    private NDArray loss(NDArray rows, NDArray e, NDArray dec) {
        NDArray rebuilt = rows.matMul(e).matMul(dec);
        NDArray norms = rows.norm(new int[] {1});
        NDArray cosine = rows.mul(rebuilt).sum(new int[] {1}).div(norms.mul(rebuilt.norm(new int[] {1})).add(1e-8f));
        NDArray squared = rows.sub(rebuilt).square().sum(new int[] {1}).div(norms.square().add(1e-12f));
        return cosine.neg().add(1).mul((float) cosineWeight).add(squared.mul((float) (1 - cosineWeight))).mean();
    }

    private static double meanCosine(NDArray rows, NDArray e, NDArray dec) {
        NDArray rebuilt = rows.matMul(e).matMul(dec);
        NDArray cosine = rows.mul(rebuilt).sum(new int[] {1}).div(rows.norm(new int[] {1}).mul(rebuilt.norm(new int[] {1})).add(1e-8f));
        return cosine.mean().getFloat();
    }
}
