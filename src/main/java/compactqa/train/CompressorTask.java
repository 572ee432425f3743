package compactqa.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import compactqa.corpus.Document;
import compactqa.corpus.Sentence;
import compactqa.dataset.QaExample;
import compactqa.model.CompressorFeaturizer;
import compactqa.model.CompressorWindow;
import compactqa.model.Head;
import compactqa.model.TokenBatch;

/**
 * The sentence compressor: {@code [CLS] question [SEP] evidence [SEP] title : [M] s1 [M] s2 ... [SEP]},
 * a {@code sentence} head scoring each marker's hidden state, a {@code sufficiency} head on
 * {@code [CLS]}. Sentence-labeled paragraphs train every marker with binary cross-entropy;
 * paragraph-labeled ones train the highest-scoring marker with the paragraph's label (a paragraph
 * is as relevant as its best sentence); sufficiency adds half a binary cross-entropy.
 *
 * <p>Validation asks, for held-out multi-hop questions with two supporting paragraphs, whether the
 * two paragraphs the model ranks highest are those two: in one pass (each paragraph scored alone)
 * and in two steps (the best paragraph's two best sentences become the evidence for rescoring the
 * rest), as the active compression loop reads.
 */
public final class CompressorTask implements TrainingTask<CompressorFeature> {

    public static final List<Head> HEADS = List.of(new Head("sentence", Head.Pooling.TOKENS, 1),
            new Head("sufficiency", Head.Pooling.CLS, 1));
    /** Word pieces of the question kept in the compressor's input. */
    public static final int MAX_QUESTION_TOKENS = 64;
    /** Word pieces of evidence kept in the compressor's input. */
    public static final int MAX_EVIDENCE_TOKENS = 128;

    private final CompressorFeaturizer featurizer;
    private final List<CompressorExample> training;
    private final List<QaExample> validation;
    private List<CompressorFeature> features;
    private int leftOut;

    public CompressorTask(CompressorFeaturizer featurizer, List<CompressorExample> training, List<QaExample> validation) {
        this.featurizer = featurizer;
        this.training = List.copyOf(training);
        this.validation = validation.stream().filter(q -> q.supportingParagraphs().size() == 2 && q.paragraphs().size() > 2).toList();
    }

    @Override
    public List<Head> heads() {
        return HEADS;
    }

    @Override
    public synchronized List<CompressorFeature> trainingFeatures() {
        if (features == null) {
            features = featurize();
        }
        return features;
    }

    /**
     * One feature per window. A paragraph too long for one window is trained window by window where
     * its sentences are labeled (a window is sufficient only if it holds all of the paragraph's
     * needed sentences); where only the paragraph is labeled, its label cannot be split among
     * windows, and it is left out.
     */
    private List<CompressorFeature> featurize() {
        List<CompressorFeature> out = new ArrayList<>();
        int leftOut = 0;
        for (CompressorExample e : training) {
            List<CompressorWindow> windows = featurizer.windows(e.question(), e.evidence(), e.title(), e.sentences());
            if (e.sentenceLabels() == null && windows.size() != 1) {
                leftOut++;
                continue;
            }
            int needed = e.sentenceLabels() == null ? 0 : Arrays.stream(e.sentenceLabels()).sum();
            for (CompressorWindow w : windows) {
                if (w.markers().length == 0) {
                    continue;
                }
                float[] labels = null;
                boolean sufficient = e.sufficient();
                if (e.sentenceLabels() != null) {
                    labels = new float[w.markers().length];
                    int here = 0;
                    for (int m = 0; m < labels.length; m++) {
                        labels[m] = e.sentenceLabels()[w.sentences()[m]];
                        here += (int) labels[m];
                    }
                    sufficient = sufficient && (windows.size() == 1 || here == needed);
                }
                out.add(new CompressorFeature(w, labels, e.relevant() ? 1 : 0, sufficient ? 1 : 0));
            }
        }
        this.leftOut = leftOut;
        return out;
    }

    /** Paragraph-labeled examples left out because they need more than one window. */
    public int leftOut() {
        trainingFeatures();
        return leftOut;
    }

    @Override
    public NDArray loss(TorchBert bert, List<CompressorFeature> batch, NDManager m, boolean training, float dropout) {
        TokenBatch inputs = TokenBatch.of(batch.stream().map(f -> f.window().asTokens()).toList());
        Shape shape = new Shape(inputs.rows(), inputs.length());
        NDArray hidden = bert.encode(m.create(inputs.ids(), shape), m.create(inputs.types(), shape),
                m.create(inputs.mask(), shape), training, dropout);
        NDArray flat = hidden.reshape(inputs.rows() * (long) inputs.length(), -1);
        List<NDArray> sentenceLosses = new ArrayList<>();
        for (int r = 0; r < batch.size(); r++) {
            CompressorFeature f = batch.get(r);
            long[] rows = new long[f.window().markers().length];
            for (int k = 0; k < rows.length; k++) {
                rows[k] = (long) r * inputs.length() + f.window().markers()[k];
            }
            NDArray logits = bert.linear(flat.get(new NDIndex("{}", m.create(rows))), "heads.sentence").reshape(-1);
            if (f.markerLabels() != null) {
                sentenceLosses.add(binaryCrossEntropy(logits, m.create(f.markerLabels())).mean());
            } else {
                sentenceLosses.add(binaryCrossEntropy(logits.max(), m.create(f.relevant())));
            }
        }
        NDArray sentenceLoss = NDArrays.stack(new NDList(sentenceLosses)).mean();
        NDArray sufficiency = bert.linear(hidden.get(new NDIndex(":, 0, :")), "heads.sufficiency").reshape(-1);
        float[] sufficient = new float[batch.size()];
        for (int r = 0; r < sufficient.length; r++) {
            sufficient[r] = batch.get(r).sufficient();
        }
        return sentenceLoss.add(binaryCrossEntropy(sufficiency, m.create(sufficient)).mean().mul(0.5f));
    }

    /** Elementwise {@code -[y·log σ(x) + (1-y)·log(1-σ(x))]}, computed stably. */
    static NDArray binaryCrossEntropy(NDArray logits, NDArray labels) {
        return logits.maximum(0).sub(logits.mul(labels)).add(logits.abs().neg().exp().add(1).log());
    }

    @Override
    public Map<String, Double> validate(TorchBert bert, NDManager m) {
        int onePass = 0;
        int twoStep = 0;
        for (QaExample q : validation) {
            Set<Integer> gold = new HashSet<>(q.supportingParagraphs());
            List<Scored> first = score(bert, m, q, List.of(), -1);
            List<Scored> ranked = new ArrayList<>(first);
            ranked.sort(Comparator.comparingDouble(Scored::score).reversed());
            if (gold.contains(ranked.get(0).paragraph()) && gold.contains(ranked.get(1).paragraph())) {
                onePass++;
            }
            Scored best = ranked.get(0);
            List<Scored> second = score(bert, m, q, best.topSentences(2), best.paragraph());
            Scored next = second.stream().max(Comparator.comparingDouble(Scored::score)).orElseThrow();
            if (gold.contains(best.paragraph()) && gold.contains(next.paragraph())) {
                twoStep++;
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("para_recall_at2_two_step", validation.isEmpty() ? 0 : (double) twoStep / validation.size());
        metrics.put("para_recall_at2", validation.isEmpty() ? 0 : (double) onePass / validation.size());
        metrics.put("questions", (double) validation.size());
        return metrics;
    }

    /** A paragraph's score (its best sentence's) and its sentences' scores. */
    private record Scored(int paragraph, double score, Document document, double[] sentenceScores) {
        List<String> topSentences(int n) {
            return document.topSentences(sentenceScores, n);
        }
    }

    /** Every paragraph of {@code q} but {@code skip}, scored given {@code evidence}. */
    private List<Scored> score(TorchBert bert, NDManager parent, QaExample q, List<String> evidence, int skip) {
        List<CompressorWindow> windows = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int p = 0; p < q.paragraphs().size(); p++) {
            if (p == skip) {
                continue;
            }
            Document d = q.paragraphs().get(p);
            for (CompressorWindow w : featurizer.windows(q.question(), evidence, d.title(),
                    d.sentences().stream().map(Sentence::text).toList())) {
                windows.add(w);
                owner.add(p);
            }
        }
        double[][] sentenceScores = new double[q.paragraphs().size()][];
        for (int p = 0; p < sentenceScores.length; p++) {
            sentenceScores[p] = new double[q.paragraphs().get(p).sentences().size()];
            Arrays.fill(sentenceScores[p], Double.NaN);
        }
        try (NDManager m = parent.newSubManager()) {
            TokenBatch inputs = TokenBatch.of(windows.stream().map(CompressorWindow::asTokens).toList());
            Shape shape = new Shape(inputs.rows(), inputs.length());
            NDArray hidden = bert.encode(m.create(inputs.ids(), shape), m.create(inputs.types(), shape),
                    m.create(inputs.mask(), shape), false, 0);
            float[] logits = bert.linear(hidden, "heads.sentence").toFloatArray(); // [rows * length]
            for (int r = 0; r < windows.size(); r++) {
                CompressorWindow w = windows.get(r);
                for (int k = 0; k < w.markers().length; k++) {
                    sentenceScores[owner.get(r)][w.sentences()[k]] = logits[r * inputs.length() + w.markers()[k]];
                }
            }
        }
        List<Scored> scored = new ArrayList<>();
        for (int p = 0; p < q.paragraphs().size(); p++) {
            if (p == skip) {
                continue;
            }
            double best = Double.NEGATIVE_INFINITY;
            for (double s : sentenceScores[p]) {
                if (!Double.isNaN(s)) {
                    best = Math.max(best, s);
                }
            }
            scored.add(new Scored(p, best, q.paragraphs().get(p), sentenceScores[p]));
        }
        return scored;
    }
}
