package compactqa.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import compactqa.model.TestCheckpoints;

/**
 * Weights a training step derives from the parameters (here XTC's ternary view of every linear
 * weight and the word embeddings) belong to the step: the model's manager holds as many arrays after
 * the tenth step as after the first. Before this was so, the XTC run grew by 0.4 GB a step.
 */
class StepOwnershipTest {

    private static void step(TorchBert bert, NDManager m) {
        try (NDManager step = m.newSubManager(); GradientCollector c = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray ids = step.create(new long[] {2, 5, 7, 9, 11, 3, 4, 8}, new Shape(2, 4));
            NDArray types = step.zeros(new Shape(2, 4), DataType.INT64);
            NDArray mask = step.ones(new Shape(2, 4), DataType.INT64);
            NDArray out = bert.encode(ids, types, mask, true, 0.1f);
            c.backward(out.mul(out.add(1)).sum());
        }
    }

    @Test
    void derivedWeightsCloseWithTheStep() {
        try (NDManager m = NDManager.newBaseManager("PyTorch");
             ModelParameters params = ModelParameters.of(TestCheckpoints.random(11), m)) {
            params.setTrainable(name -> true);
            TorchBert bert = new TorchBert(params, LayerPlan.encoder(params.config().layers()), new TernaryView(2));
            step(bert, m);
            int afterFirst = params.manager().getManagedArrays().size();
            for (int i = 0; i < 9; i++) {
                step(bert, m);
            }
            assertEquals(afterFirst, params.manager().getManagedArrays().size(), "arrays the model's manager gained in nine steps");
        }
    }
}
