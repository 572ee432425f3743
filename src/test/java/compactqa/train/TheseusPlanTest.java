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
        assertTrue(share > 0.45 && share < 0.55, "about half the modules are replaced at rate 0.5: " + share);
    }

    @Test
    void evaluationRunsTheSuccessorsAlone() {
        TheseusPlan plan = new TheseusPlan(6, 3, 0.0, 1.0, 1);
        plan.beforeStep(1, 10);
        assertEquals(List.of("theseus.0.", "theseus.1.", "theseus.2."), plan.layers(false));
        assertEquals(List.of("encoder.layer.0.", "encoder.layer.1.", "encoder.layer.2.", "encoder.layer.3.", "encoder.layer.4.",
                "encoder.layer.5."), plan.layers(true), "at rate 0 training runs the predecessor");
        assertEquals(2, plan.initialLayer(1));
    }

    @Test
    void successorsMustSplitThePredecessorEvenly() {
        assertThrows(IllegalArgumentException.class, () -> new TheseusPlan(6, 4, 0.3, 0.5, 1));
        assertThrows(IllegalArgumentException.class, () -> new TheseusPlan(6, 6, 0.3, 0.5, 1));
    }
}
