package compactqa.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import compactqa.model.BertNames;
import compactqa.model.Checkpoint;
import compactqa.model.TestCheckpoints;
import compactqa.model.MpoLinear;
import compactqa.model.Tensor;

/** Matrix product operators: factor shapes, exact decomposition at full bonds, the budget and its allocation. */
class MpoDecompositionTest {

    @Test
    void dimensionsSplitIntoBalancedFactors() {
        assertArrayEquals(new int[] {6, 8, 8}, MpoDecomposition.factors(384, 3));
        int[] f = MpoDecomposition.factors(1536, 3);
        assertEquals(1536, f[0] * f[1] * f[2]);
        assertTrue(java.util.Arrays.stream(f).max().getAsInt() <= 16, java.util.Arrays.toString(f));
        assertArrayEquals(new int[] {7, 1}, MpoDecomposition.factors(7, 2), "a prime stays whole");
    }

    @Test
    void fullBondsReconstructTheWeightAndTruncatedOnesApproximateIt() {
        Random random = new Random(5);
        float[] w = new float[64 * 32];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextGaussian();
        }
        Tensor weight = Tensor.ofFloats(new long[] {64, 32}, w);
        List<MpoDecomposition.Rung> ladder = MpoDecomposition.ladder(weight, 3, null);
        MpoDecomposition.Rung top = ladder.get(ladder.size() - 1);
        assertEquals(MpoDecomposition.DENSE, top.chi(), "the top rung keeps the layer dense");
        assertEquals(weight.count(), top.parameters());
        for (MpoDecomposition.Rung r : ladder.subList(0, ladder.size() - 1)) {
            assertTrue(r.parameters() < weight.count(), "no MPO rung holds as much as the dense weight");
        }
        int[] o = MpoDecomposition.factors(64, 3);
        int[] in = MpoDecomposition.factors(32, 3);
        int maxBond = Math.max(MpoDecomposition.bondCap(o, in, 1), MpoDecomposition.bondCap(o, in, 2));
        assertArrayEquals(w, MpoLinear.contract(MpoDecomposition.cores(weight, 3, maxBond)).floats(), 1e-4f,
                "full bonds reconstruct the weight");
        for (int i = 1; i < ladder.size(); i++) {
            assertTrue(ladder.get(i).parameters() >= ladder.get(i - 1).parameters());
            assertTrue(ladder.get(i).error() <= ladder.get(i - 1).error() + 1e-9, "a larger bond never loses more");
        }
        assertTrue(ladder.get(0).error() > 0.1, "the smallest bond loses something: " + ladder.get(0).error());
    }

    @Test
    void theBudgetGoesWhereItBuysTheMostWeightedError() {
        // two identical layers; the second counts ten times as much
        List<MpoDecomposition.Rung> ladder = List.of(new MpoDecomposition.Rung(1, 10, 1.0),
                new MpoDecomposition.Rung(2, 20, 0.5), new MpoDecomposition.Rung(3, 30, 0.2));
        Map<String, List<MpoDecomposition.Rung>> ladders = new LinkedHashMap<>();
        ladders.put("a", ladder);
        ladders.put("b", ladder);
        Map<String, Integer> at = MpoDecomposition.allocate(ladders, Map.of("a", 1.0, "b", 10.0), 40);
        assertEquals(0, at.get("a"));
        assertEquals(2, at.get("b"));
        Map<String, Integer> uniform = MpoDecomposition.allocate(ladders, Map.of("a", 1.0, "b", 1.0), 40);
        assertEquals(2, uniform.get("a") + uniform.get("b"), "the budget of 40 buys two steps: " + uniform);
    }

    @Test
    void layersBecomeCoresWithinTheParameterBudget() {
        Checkpoint original = TestCheckpoints.random(6);
        Checkpoint c = new MpoDecomposition(0.5, 2, null).apply(original, Calibration.NONE);
        long dense = 0;
        long cores = 0;
        for (String layer : BertNames.linearLayers(original.config())) {
            assertFalse(c.has(layer + ".weight"));
            dense += original.tensor(layer + ".weight").count();
            cores += MpoLinear.cores(c, layer).stream().mapToLong(Tensor::count).sum();
        }
        assertTrue(cores <= dense / 2, cores + " of " + dense);
        assertTrue(cores > dense / 4, "the budget is spent: " + cores + " of " + dense);
    }
}
