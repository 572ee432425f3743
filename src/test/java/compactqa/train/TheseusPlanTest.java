package compactqa.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Progressive module replacing: the schedule, the draws, and what evaluation runs. */
class TheseusPlanTest {

    @Test
    void theRateRisesLinearlyToOneAndStays() {
        TheseusPlan plan = new TheseusPlan(6, 3, 0.3, 0.5, 1);
        plan.beforeStep(1, 100);
        assertEquals(0.3, plan.rate(), 1e-9);
        plan.beforeStep(26, 100);
        assertEquals(0.3 + 0.7 * 25 / 50.0, plan.rate(), 1e-9);
        plan.beforeStep(51, 100);
        assertEquals(1.0, plan.rate(), 1e-9);
        plan.beforeStep(100, 100);
        assertEquals(1.0, plan.rate(), 1e-9);
    }

    @Test
    void eachModuleIsEitherItsPairOrItsSuccessorAndDrawsRepeatPerStep() {
        TheseusPlan plan = new TheseusPlan(6, 3, 0.5, 1.0, 7);
        int replaced = 0;
        int modules = 0;
        for (long step = 1; step <= 400; step++) {
            plan.beforeStep(step, 1_000_000);
            List<String> layers = plan.layers(true);
            assertEquals(layers, plan.layers(true), "the same step draws the same modules");
            int successors = (int) layers.stream().filter(p -> p.startsWith("theseus.")).count();
            assertEquals(successors + 2 * (3 - successors), layers.size(), "each module runs its successor or its two layers");
            replaced += successors;
            modules += 3;
        }
        double share = replaced / (double) modules;
        // at least one module per step: 0.5 + 0.5^3 / 3
        assertTrue(share > 0.49 && share < 0.59, "about 0.54 of the modules are replaced at rate 0.5: " + share);
    }

    @Test
    void evaluationRunsTheSuccessorsAlone() {
        TheseusPlan plan = new TheseusPlan(6, 3, 0.0, 1.0, 1);
        plan.beforeStep(1, 10);
        assertEquals(List.of("theseus.0.", "theseus.1.", "theseus.2."), plan.layers(false));
        assertEquals(2, plan.initialLayer(1));
    }

    @Test
    void aTrainingStepAlwaysHasASuccessorToTrain() {
        TheseusPlan plan = new TheseusPlan(6, 3, 0.0, 1.0, 1);
        java.util.Set<String> chosen = new java.util.TreeSet<>();
        for (long step = 1; step <= 60; step++) {
            plan.beforeStep(step, 1_000_000); // the rate stays near 0: no module would be drawn
            List<String> layers = plan.layers(true);
            List<String> successors = layers.stream().filter(p -> p.startsWith("theseus.")).toList();
            assertEquals(1, successors.size(), "exactly one module replaced at rate ~0: " + layers);
            assertEquals(1 + 2 * 2, layers.size());
            chosen.addAll(successors);
        }
        assertEquals(3, chosen.size(), "the forced replacement falls on every module in turn: " + chosen);
    }

    @Test
    void successorsMustSplitThePredecessorEvenly() {
        assertThrows(IllegalArgumentException.class, () -> new TheseusPlan(6, 4, 0.3, 0.5, 1));
        assertThrows(IllegalArgumentException.class, () -> new TheseusPlan(6, 6, 0.3, 0.5, 1));
    }
}
