package compactqa.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import compactqa.model.Head;
import compactqa.model.TokenBatch;

/**
 * The reader task with knowledge distillation from a teacher reader: the loss is
 * {@code (1 − a)·task + a·T²·(soft cross-entropy of the student's start, end and answer-type
 * distributions against the teacher's at temperature T) + h·(mean squared distance of the student's
 * layer outputs to the teacher's matching ones)}. The last term is TinyBERT's hidden-state loss: a
 * student with fewer layers than its teacher matches its layer k to the teacher's layer
 * {@code (k + 1)·L_teacher / L_student − 1}, so that each learns what the teacher's layers it replaces
 * computed, not only their final answer. The teacher runs in evaluation mode and trains nothing.
 * Features and validation are the reader task's.
 */
record ReaderDistillation(ReaderTask task, TorchBert teacher, double weight, double temperature, double hiddenWeight)
        implements TrainingTask<ReaderFeature> {

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
        List<NDArray> studentLayers = hiddenWeight > 0 ? new ArrayList<>() : null;
        List<NDArray> teacherLayers = hiddenWeight > 0 ? new ArrayList<>() : null;
        ReaderTask.Logits student = ReaderTask.logits(bert, batch, m, training, dropout, studentLayers);
        ReaderTask.Logits target = ReaderTask.logits(teacher, batch, m, false, 0, teacherLayers);
        NDArray hard = ReaderTask.loss(student, batch, m);
        NDArray soft = soft(student.start(), target.start()).add(soft(student.end(), target.end())).div(2)
                .add(soft(student.type(), target.type()));
        NDArray loss = hard.mul((float) (1 - weight)).add(soft.mul((float) (weight * temperature * temperature)));
        if (hiddenWeight > 0) {
            NDArray tokens = m.create(TokenBatch.of(batch.stream().map(ReaderFeature::tokens).toList()).mask(),
                    student.start().getShape()).toType(DataType.FLOAT32, false);
            loss = loss.add(hidden(studentLayers, teacherLayers, tokens).mul((float) hiddenWeight));
        }
        return loss;
    }

    /** The teacher layer a student layer of {@code studentLayers} matches, of {@code teacherLayers}. */
    static int matchingLayer(int k, int studentLayers, int teacherLayers) {
        return (k + 1) * teacherLayers / studentLayers - 1;
    }

    /** Mean over the student's layers of the squared distance to the matching teacher layer, per real token and unit. */
    private static NDArray hidden(List<NDArray> student, List<NDArray> teacher, NDArray tokens) {
        if (student.size() > teacher.size()) {
            throw new IllegalArgumentException("a student of " + student.size() + " layers has no matching layers in a teacher of "
                    + teacher.size());
        }
        NDArray total = null;
        float perLayer = 1f / student.size();
        for (int k = 0; k < student.size(); k++) {
            NDArray target = teacher.get(matchingLayer(k, student.size(), teacher.size()));
            NDArray mse = student.get(k).sub(target).square().mean(new int[] {-1}).mul(tokens).sum().div(tokens.sum());
            total = total == null ? mse.mul(perLayer) : total.add(mse.mul(perLayer));
        }
        return total;
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
