package compactqa.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import compactqa.corpus.AnswerType;
import compactqa.dataset.ReaderExample;
import compactqa.metrics.AnswerMetrics;
import compactqa.metrics.MatchScore;
import compactqa.metrics.ScoreMean;
import compactqa.model.Head;
import compactqa.model.ReaderModel;
import compactqa.model.ReaderPrediction;
import compactqa.model.ReaderWindow;
import compactqa.model.SpanDecoder;
import compactqa.model.TextTokenizer;
import compactqa.model.TokenBatch;
import compactqa.model.TokenizedText;

/**
 * The extractive reader: {@code [CLS] question [SEP] context [SEP]} in windows over long contexts;
 * a {@code span} head gives each token a start and an end logit, an {@code answer_type} head on
 * {@code [CLS]} says span, yes or no. The loss is the mean of the start and end cross-entropies
 * (over the window's real tokens) plus the type cross-entropy. Windows that do not contain the
 * answer point at {@code [CLS]}; only a seeded share of them is kept, so that most of the signal
 * is about finding answers. Validation decodes with {@link SpanDecoder} and scores F1 and EM as the
 * official script does.
 */
public final class ReaderTask implements TrainingTask<ReaderFeature> {

    public static final List<Head> HEADS = List.of(new Head("span", Head.Pooling.TOKENS, 2),
            new Head("answer_type", Head.Pooling.CLS, AnswerType.values().length));

    private final TextTokenizer tokenizer;
    private final List<ReaderExample> training;
    private final List<ReaderExample> validation;
    private final long seed;
    private final double keepWindowsWithoutAnswer;
    private List<ReaderFeature> features;

    public ReaderTask(TextTokenizer tokenizer, List<ReaderExample> training, List<ReaderExample> validation, long seed,
                      double keepWindowsWithoutAnswer) {
        this.tokenizer = tokenizer;
        this.training = List.copyOf(training);
        this.validation = List.copyOf(validation);
        this.seed = seed;
        this.keepWindowsWithoutAnswer = keepWindowsWithoutAnswer;
    }

    @Override
    public List<Head> heads() {
        return HEADS;
    }

    @Override
    public synchronized List<ReaderFeature> trainingFeatures() {
        if (features == null) {
            features = featurize();
        }
        return features;
    }

    private List<ReaderFeature> featurize() {
        Random random = new Random(seed);
        List<ReaderFeature> features = new ArrayList<>();
        for (ReaderExample e : training) {
            List<TokenizedText> windows;
            try {
                windows = tokenizer.tokenizePair(e.question(), e.context());
            } catch (IllegalArgumentException tooLong) {
                continue;
            }
            for (TokenizedText w : windows) {
                ReaderFeature f = label(e, w);
                if (f.type() != AnswerType.SPAN.index() || f.start() > 0 || random.nextDouble() < keepWindowsWithoutAnswer) {
                    features.add(f);
                }
            }
        }
        return features;
    }

    /**
     * The labels of window {@code w} of example {@code e}, as Hugging Face's {@code run_qa} labels
     * them: the answer must lie whole inside the window's context, else the labels point at
     * {@code [CLS]}; the start is the last token starting at or before the answer's first
     * character, the end the first token ending at or after its last.
     */
    static ReaderFeature label(ReaderExample e, TokenizedText w) {
        if (e.type() != AnswerType.SPAN) {
            return new ReaderFeature(w, 0, 0, e.type().index());
        }
        int answerStart = e.answerStart();
        int answerEnd = answerStart + e.answerText().length();
        int first = -1;
        int last = -1;
        for (int i = 0; i < w.length(); i++) {
            if (w.sequenceIds()[i] == 1) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0 || w.charStarts()[first] > answerStart || w.charEnds()[last] < answerEnd) {
            return new ReaderFeature(w, 0, 0, AnswerType.SPAN.index());
        }
        int start = first;
        while (start <= last && w.charStarts()[start] <= answerStart) {
            start++;
        }
        int end = last;
        while (end >= first && w.charEnds()[end] >= answerEnd) {
            end--;
        }
        return new ReaderFeature(w, start - 1, end + 1, AnswerType.SPAN.index());
    }

    /** The reader's logits for a batch: start and end {@code [B, S]} (padding pushed to -10000), answer type {@code [B, 3]}. */
    record Logits(NDArray start, NDArray end, NDArray type) {
    }

    /** The reader's logits over {@code batch}, its inputs created in {@code m}. */
    static Logits logits(TorchBert bert, List<ReaderFeature> batch, NDManager m, boolean training, float dropout) {
        return logits(bert, batch, m, training, dropout, null);
    }

    /** The logits, with each layer's output added to {@code layerOutputs} unless it is null. */
    static Logits logits(TorchBert bert, List<ReaderFeature> batch, NDManager m, boolean training, float dropout,
                         List<NDArray> layerOutputs) {
        TokenBatch inputs = TokenBatch.of(batch.stream().map(ReaderFeature::tokens).toList());
        Shape shape = new Shape(inputs.rows(), inputs.length());
        NDArray mask = m.create(inputs.mask(), shape);
        NDArray hidden = bert.encode(m.create(inputs.ids(), shape), m.create(inputs.types(), shape), mask, training, dropout,
                layerOutputs);
        NDArray span = bert.linear(hidden, "heads.span");                       // [B, S, 2]
        NDArray padding = mask.toType(DataType.FLOAT32, false).neg().add(1).mul(-10000f);
        NDArray startLogits = span.get(new NDIndex(":, :, 0")).add(padding);    // [B, S]
        NDArray endLogits = span.get(new NDIndex(":, :, 1")).add(padding);
        NDArray typeLogits = bert.linear(hidden.get(new NDIndex(":, 0, :")), "heads.answer_type"); // [B, 3]
        return new Logits(startLogits, endLogits, typeLogits);
    }

    /** The task loss of {@code logits} against the labels of {@code batch}. */
    static NDArray loss(Logits logits, List<ReaderFeature> batch, NDManager m) {
        int length = (int) logits.start().getShape().get(1);
        int[] starts = batch.stream().mapToInt(ReaderFeature::start).toArray();
        int[] ends = batch.stream().mapToInt(ReaderFeature::end).toArray();
        int[] types = batch.stream().mapToInt(ReaderFeature::type).toArray();
        NDArray startLoss = crossEntropy(logits.start(), m.create(starts), length);
        NDArray endLoss = crossEntropy(logits.end(), m.create(ends), length);
        NDArray typeLoss = crossEntropy(logits.type(), m.create(types), AnswerType.values().length);
        return startLoss.add(endLoss).div(2).add(typeLoss);
    }

    @Override
    public NDArray loss(TorchBert bert, List<ReaderFeature> batch, NDManager m, boolean training, float dropout) {
        return loss(logits(bert, batch, m, training, dropout), batch, m);
    }

    /** Mean cross-entropy of {@code logits [B, C]} against integer {@code labels [B]}. */
    static NDArray crossEntropy(NDArray logits, NDArray labels, int classes) {
        NDArray logProbabilities = logits.logSoftmax(-1);
        return logProbabilities.mul(labels.oneHot(classes)).sum(new int[] {-1}).neg().mean();
    }

    @Override
    public Map<String, Double> validate(TorchBert bert, NDManager m) {
        if (validation.isEmpty()) {
            return Map.of(); // a recipe too small to spare validation questions
        }
        SpanDecoder decoder = new SpanDecoder(ReaderModel.MAX_ANSWER_TOKENS);
        ScoreMean mean = new ScoreMean();
        ScoreMean yesNo = new ScoreMean();
        for (ReaderExample e : validation) {
            List<TokenizedText> windows = null;
            try {
                windows = tokenizer.tokenizePair(e.question(), e.context());
            } catch (IllegalArgumentException tooLong) {
                // scored zero below
            }
            MatchScore score = windows == null ? MatchScore.ZERO
                    : AnswerMetrics.best(predict(bert, m, e.context(), windows, decoder).text(), e.answers());
            mean.add(score);
            if (e.type() != AnswerType.SPAN) {
                yesNo.add(score);
            }
        }
        MatchScore score = mean.mean();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("f1", 100 * score.f1());
        metrics.put("em", 100 * score.em());
        if (yesNo.count() > 0) { // the answer-type head's hardest choice, too few to move the F1 visibly
            metrics.put("yes_no_accuracy", 100 * yesNo.mean().em());
            metrics.put("yes_no_questions", (double) yesNo.count());
        }
        return metrics;
    }

    private static ReaderPrediction predict(TorchBert bert, NDManager parent, String context, List<TokenizedText> windows,
                                            SpanDecoder decoder) {
        try (NDManager m = parent.newSubManager()) {
            TokenBatch inputs = TokenBatch.of(windows);
            Shape shape = new Shape(inputs.rows(), inputs.length());
            NDArray hidden = bert.encode(m.create(inputs.ids(), shape), m.create(inputs.types(), shape),
                    m.create(inputs.mask(), shape), false, 0);
            float[] span = bert.linear(hidden, "heads.span").toFloatArray();
            float[] type = bert.linear(hidden.get(new NDIndex(":, 0, :")), "heads.answer_type").toFloatArray();
            List<ReaderWindow> readerWindows = new ArrayList<>();
            List<float[]> starts = new ArrayList<>();
            List<float[]> ends = new ArrayList<>();
            List<float[]> types = new ArrayList<>();
            int classes = AnswerType.values().length;
            for (int r = 0; r < windows.size(); r++) {
                readerWindows.add(new ReaderWindow(windows.get(r)));
                float[] s = new float[inputs.length()];
                float[] en = new float[inputs.length()];
                for (int t = 0; t < inputs.length(); t++) {
                    s[t] = span[(r * inputs.length() + t) * 2];
                    en[t] = span[(r * inputs.length() + t) * 2 + 1];
                }
                starts.add(s);
                ends.add(en);
                float[] ty = new float[classes];
                System.arraycopy(type, r * classes, ty, 0, classes);
                types.add(ty);
            }
            return decoder.decode(context, readerWindows, starts, ends, types);
        }
    }
}
