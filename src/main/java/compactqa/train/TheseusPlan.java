package compactqa.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Progressive module replacing (BERT-of-Theseus, Xu et al., 2020): the predecessor's layers are
 * grouped into modules, each with a one-layer successor ({@code theseus.<k>.}); at every training
 * step each module is replaced by its successor with probability {@code p}, which rises linearly
 * from {@code start} to 1 over the first {@code until} share of the steps and stays at 1 after
 * (then the successors train alone, as the compact model). Evaluation runs the successors alone.
 *
 * <p>A training step replaces at least one module: when every draw keeps its predecessor, one module
 * chosen uniformly is replaced. With the predecessor frozen, a step that runs it alone has nothing
 * to train (its loss has no gradient at all), and at the default start of 0.3 a third of the early
 * steps would be such. The effective early rate is therefore {@code p + (1-p)^m / m} for
 * {@code m} modules (0.41 instead of 0.3 for three).
 *
 * <p>The draws of a step depend only on the seed and the step, so a resumed run replaces the same
 * modules an uninterrupted one would.
 */
public final class TheseusPlan implements LayerPlan {

    private final int predecessorLayers;
    private final int successors;
    private final double start;
    private final double until;
    private final long seed;
    private double rate;
    private long step;

    /**
     * @param predecessorLayers layers of the model being compressed
     * @param successors        layers of the compact model; must divide the predecessor's
     * @param start             replacement probability at the first step, in [0, 1]
     * @param until             share of the steps after which every module is replaced, in (0, 1]
     */
    public TheseusPlan(int predecessorLayers, int successors, double start, double until, long seed) {
        if (successors < 1 || predecessorLayers % successors != 0 || successors == predecessorLayers) {
            throw new IllegalArgumentException("the successor layers must divide the " + predecessorLayers
                    + " predecessor layers into modules of two or more, got " + successors);
        }
        if (start < 0 || start > 1 || until <= 0 || until > 1) {
            throw new IllegalArgumentException("the replacement schedule needs start in [0, 1] and until in (0, 1]");
        }
        this.predecessorLayers = predecessorLayers;
        this.successors = successors;
        this.start = start;
        this.until = until;
        this.seed = seed;
        this.rate = start;
    }

    /** The prefix of successor {@code k}. */
    public static String successor(int k) {
        return "theseus." + k + ".";
    }

    /** The predecessor layer successor {@code k} starts from: the first of its module. */
    public int initialLayer(int k) {
        return k * (predecessorLayers / successors);
    }

    @Override
    public void beforeStep(long step, long totalSteps) {
        this.step = step;
        double progress = (double) (step - 1) / Math.max(1, Math.round(until * totalSteps));
        this.rate = Math.min(1, start + (1 - start) * progress);
    }

    /** The replacement probability of the current step. */
    public double rate() {
        return rate;
    }

    @Override
    public List<String> layers(boolean training) {
        int size = predecessorLayers / successors;
        // SplittableRandom mixes its seed: java.util.Random's first draws of consecutive seeds are correlated
        SplittableRandom random = new SplittableRandom(seed * 1_000_033 + step);
        boolean[] replaced = new boolean[successors];
        boolean any = false;
        for (int k = 0; k < successors; k++) {
            replaced[k] = !training || random.nextDouble() < rate;
            any |= replaced[k];
        }
        if (!any) {
            replaced[random.nextInt(successors)] = true;
        }
        List<String> prefixes = new ArrayList<>();
        for (int k = 0; k < successors; k++) {
            if (replaced[k]) {
                prefixes.add(successor(k));
            } else {
                for (int l = k * size; l < (k + 1) * size; l++) {
                    prefixes.add("encoder.layer." + l + ".");
                }
            }
        }
        return prefixes;
    }
}
