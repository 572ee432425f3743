package compactqa.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import compactqa.model.Checkpoint;
import compactqa.model.Head;
import compactqa.model.TestCheckpoints;
import compactqa.model.TokenizedText;

class ReaderDistillationTest {

    @Test
    void studentLayersMatchTheLastOfTheTeacherLayersTheyReplace() {
        assertEquals(List.of(1, 3, 5), List.of(ReaderDistillation.matchingLayer(0, 3, 6), ReaderDistillation.matchingLayer(1, 3, 6),
                ReaderDistillation.matchingLayer(2, 3, 6)));
        assertEquals(List.of(0, 2, 3, 5), List.of(ReaderDistillation.matchingLayer(0, 4, 6), ReaderDistillation.matchingLayer(1, 4, 6),
                ReaderDistillation.matchingLayer(2, 4, 6), ReaderDistillation.matchingLayer(3, 4, 6)));
        assertEquals(4, ReaderDistillation.matchingLayer(4, 6, 6), "same depth: layer to layer");
    }

    @Test
    void encodingHandsOutEveryLayerOutputTheLastBeingTheResult() {
        try (NDManager m = NDManager.newBaseManager("PyTorch");
             ModelParameters params = ModelParameters.of(TestCheckpoints.random(5), m)) {
            List<NDArray> layers = new ArrayList<>();
            NDArray ids = m.create(new long[] {2, 5, 7, 9}, new Shape(1, 4));
            NDArray out = new TorchBert(params).encode(ids, m.zeros(ids.getShape(), DataType.INT64), m.ones(ids.getShape(), DataType.INT64),
                    false, 0, layers);
            assertEquals(params.config().layers(), layers.size());
            assertSame(out, layers.get(layers.size() - 1));
        }
    }

    @Test
    void hiddenStateLossIsZeroForTheTeacherItselfAndGrowsWithTheStudentsDistance() {
        Checkpoint base = TestCheckpoints.random(7);
        List<ReaderFeature> batch = List.of(feature(new long[] {2, 5, 7, 9, 3}, 1, 2, 0), feature(new long[] {2, 8, 3}, 1, 1, 0));
        try (NDManager m = NDManager.newBaseManager("PyTorch");
             ModelParameters teacherParams = withHeads(base, m);
             ModelParameters sameParams = withHeads(base, m);
             ModelParameters otherParams = withHeads(TestCheckpoints.random(8), m)) {
            TorchBert teacher = new TorchBert(teacherParams);
            float plain = loss(teacher, 0, new TorchBert(sameParams), batch, m);
            assertEquals(plain, loss(teacher, 1, new TorchBert(sameParams), batch, m), 1e-5, "the teacher's own layers: no distance");
            float far = loss(teacher, 0, new TorchBert(otherParams), batch, m);
            assertTrue(loss(teacher, 1, new TorchBert(otherParams), batch, m) > far + 0.1, "another model's layers are far");
        }
    }

    private static float loss(TorchBert teacher, double hiddenWeight, TorchBert student, List<ReaderFeature> batch, NDManager m) {
        // the task is only asked for heads, features and validation, none of which the loss reads
        return new ReaderDistillation(null, teacher, 0.5, 2.0, hiddenWeight).loss(student, batch, m, false, 0).getFloat();
    }

    private static ModelParameters withHeads(Checkpoint checkpoint, NDManager m) {
        ModelParameters params = ModelParameters.of(checkpoint, m);
        for (Head head : ReaderTask.HEADS) {
            params.addHead(head.name(), head.outputs(), 3);
        }
        return params;
    }

    private static ReaderFeature feature(long[] ids, int start, int end, int type) {
        int n = ids.length;
        return new ReaderFeature(new TokenizedText(ids, new long[n], new int[n], new int[n], new int[n]), start, end, type);
    }
}
