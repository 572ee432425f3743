package compactqa.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import compactqa.corpus.Document;
import compactqa.corpus.Sentence;

/**
 * The trained compressor on ONNX Runtime: scores every sentence of each passage for a question,
 * given the evidence selected so far, and says whether evidence and passage together suffice.
 * Thread-safe; close it when no call is running.
 */
public final class CompressorModel implements AutoCloseable {

    private static final int BATCH_WINDOWS = 16;

    private final Encoder encoder;
    private final CompressorFeaturizer featurizer;

    public CompressorModel(Encoder encoder, int maxLength, int maxQuestionTokens, int maxEvidenceTokens) {
        if (!encoder.outputNames().containsAll(List.of("sentence", "sufficiency"))) {
            throw new IllegalArgumentException("the model has no compressor heads (sentence, sufficiency): " + encoder.outputNames());
        }
        this.encoder = encoder;
        this.featurizer = new CompressorFeaturizer(encoder.tokenizer(), maxLength, maxQuestionTokens, maxEvidenceTokens);
    }

    /** Opens a trained compressor. */
    public static CompressorModel open(ModelArtifact artifact, ModelCache cache, EncoderOptions options,
                                   Precision precision) throws IOException {
        if (artifact.manifest().task() != Task.COMPRESSOR) {
            throw new IllegalArgumentException(artifact.dir() + " holds a " + artifact.manifest().task() + ", not a compressor");
        }
        ModelArtifact.Manifest m = artifact.manifest();
        return new CompressorModel(artifact.open(cache, options, precision), m.maxLength(), m.maxQuestionTokens(), m.maxEvidenceTokens());
    }

    /** A passage to score: its title and sentences. */
    public record Passage(String title, List<String> sentences) {

        /** The passage of document {@code d}: its title and its sentences' text. */
        public static Passage of(Document d) {
            return new Passage(d.title(), d.sentences().stream().map(Sentence::text).toList());
        }
    }

    /**
     * A passage's scores, as probabilities.
     *
     * @param sentences   each sentence's probability of being needed; NaN for empty sentences, which
     *                    are not scored
     * @param sufficiency the probability that evidence and passage together suffice to answer
     */
    public record PassageScores(double[] sentences, double sufficiency) {

        /** The passage's score: its best sentence's, or 0 where none was scored. */
        public double best() {
            return Arrays.stream(sentences).filter(s -> !Double.isNaN(s)).max().orElse(0);
        }
    }

    /** The scores of each passage for {@code question} given {@code evidence}, in order. */
    public List<PassageScores> score(String question, List<String> evidence, List<Passage> passages) {
        List<CompressorWindow> windows = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int p = 0; p < passages.size(); p++) {
            for (CompressorWindow w : featurizer.windows(question, evidence, passages.get(p).title(), passages.get(p).sentences())) {
                windows.add(w);
                owner.add(p);
            }
        }
        double[][] sentences = new double[passages.size()][];
        double[] sufficiency = new double[passages.size()];
        for (int p = 0; p < passages.size(); p++) {
            sentences[p] = new double[passages.get(p).sentences().size()];
            Arrays.fill(sentences[p], Double.NaN);
            sufficiency[p] = Double.NEGATIVE_INFINITY;
        }
        for (int from = 0; from < windows.size(); from += BATCH_WINDOWS) {
            Interruption.check("scoring", from, windows.size());
            List<CompressorWindow> batch = windows.subList(from, Math.min(windows.size(), from + BATCH_WINDOWS));
            Map<String, FloatArray> out = encoder.run(batch.stream().map(CompressorWindow::asTokens).toList());
            FloatArray sentence = out.get("sentence");
            FloatArray enough = out.get("sufficiency");
            for (int r = 0; r < batch.size(); r++) {
                CompressorWindow w = batch.get(r);
                int p = owner.get(from + r);
                for (int k = 0; k < w.markers().length; k++) {
                    sentences[p][w.sentences()[k]] = sentence.get(r, w.markers()[k], 0);
                }
                sufficiency[p] = Math.max(sufficiency[p], enough.get(r, 0));
            }
        }
        List<PassageScores> scores = new ArrayList<>();
        for (int p = 0; p < passages.size(); p++) {
            double[] probabilities = new double[sentences[p].length];
            for (int i = 0; i < probabilities.length; i++) {
                probabilities[i] = Double.isNaN(sentences[p][i]) ? Double.NaN : Logistic.sigmoid(sentences[p][i]);
            }
            scores.add(new PassageScores(probabilities, Logistic.sigmoid(sufficiency[p])));
        }
        return scores;
    }


    /** Word-piece tokens of {@code text}, the unit of evidence budgets. */
    public int tokens(String text) {
        return encoder.tokenizer().pieces(text).length();
    }

    @Override
    public void close() {
        encoder.close();
    }
}
