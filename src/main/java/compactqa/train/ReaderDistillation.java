package compactqa.train;

import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import compactqa.model.Head;

/**
 * The reader task with knowledge distillation from a teacher reader: the loss is
 * {@code (1 − a)·task + a·T²·(soft cross-entropy of the student's start, end and answer-type
 * distributions against the teacher's at temperature T)}. The teacher runs in evaluation mode and
 * trains nothing. Features and validation are the reader task's.
 */
final class ReaderDistillation implements TrainingTask<ReaderFeature> {

    private final ReaderTask task;
    private final TorchBert teacher;
    private final double weight;
    private final double temperature;

    ReaderDistillation(ReaderTask task, TorchBert teacher, double weight, double temperature) {
        this.task = task;
        this.teacher = teacher;
        this.weight = weight;
        this.temperature = temperature;
    }

    @Override
    public List<Head> heads() {
        return task.heads();
    }

    @Override
    public List<ReaderFeature> trainingFeatures() {
        return task.trainingFeatures();
    }

    @Override
    public NDArray loss(TorchBert bert, List<ReaderFeature> batch, NDManager m, boolean training, float dropout) {
        ReaderTask.Logits student = ReaderTask.logits(bert, batch, m, training, dropout);
        ReaderTask.Logits target = ReaderTask.logits(teacher, batch, m, false, 0);
        NDArray hard = ReaderTask.loss(student, batch, m);
        NDArray soft = soft(student.start(), target.start()).add(soft(student.end(), target.end())).div(2)
                .add(soft(student.type(), target.type()));
        return hard.mul((float) (1 - weight)).add(soft.mul((float) (weight * temperature * temperature)));
    }

    /** Mean over rows of {@code −Σ softmax(t/T)·log softmax(s/T)}. */
    private NDArray soft(NDArray student, NDArray teacherLogits) {
        float t = (float) temperature;
        NDArray target = teacherLogits.div(t).softmax(-1);
        return target.mul(student.div(t).logSoftmax(-1)).sum(new int[] {-1}).neg().mean();
    }

    @Override
    public Map<String, Double> validate(TorchBert bert, NDManager manager) {
        return task.validate(bert, manager);
    }
}
