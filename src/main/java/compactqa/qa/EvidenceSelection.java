package compactqa.qa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import compactqa.model.Logistic;

/**
 * A sentence's probability of being evidence, from the compressor's log-odds for it, the best log-odds of
 * its paragraph, and the paragraph's {@link ParagraphSignals}: a logistic combination whose weights
 * are fitted on validation questions ({@code qa train selection}) and kept beside the compressor as
 * {@value #FILE}. Without that file, the compressor's own sentence probability.
 *
 * @param weights one per feature: sentence logit, paragraph logit, then the signals in their order
 * @param bias    the intercept
 * @param report  how the weights were fitted and what they achieved
 */
public record EvidenceSelection(double[] weights, double bias, Map<String, Object> report) {

    /** The file in a compressor's folder. */
    public static final String FILE = "selection.json";
    /** Features per sentence. */
    public static final int FEATURES = 2 + ParagraphSignals.COUNT;
    /** The compressor's sentence probability, unchanged. */
    public static final EvidenceSelection IDENTITY = new EvidenceSelection(identityWeights(), 0, Map.of());

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public EvidenceSelection {
        if (weights == null || weights.length != FEATURES) {
            throw new IllegalArgumentException("evidence selection needs " + FEATURES + " weights");
        }
        weights = weights.clone();
        // in the order given, so that the file reads as it was written
        report = report == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(report));
    }

    /**
     * The features of one sentence, in the order of {@link #weights}: the compressor's probabilities
     * for the sentence and for its paragraph's best sentence, as log-odds, then the signals.
     */
    public static double[] features(double sentenceProbability, double paragraphProbability, ParagraphSignals signals) {
        double[] f = new double[FEATURES];
        f[0] = Logistic.logit(sentenceProbability);
        f[1] = Logistic.logit(paragraphProbability);
        System.arraycopy(signals.values(), 0, f, 2, ParagraphSignals.COUNT);
        return f;
    }

    /** The probability that a sentence with {@code features} is evidence. */
    public double probability(double[] features) {
        double z = bias;
        for (int i = 0; i < FEATURES; i++) {
            z += weights[i] * features[i];
        }
        return Logistic.sigmoid(z);
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Whether this is the compressor's own probability (no signals used). */
    public boolean isIdentity() {
        return bias == 0 && Arrays.equals(weights, identityWeights());
    }

    /** The selection in compressor folder {@code dir}, or {@link #IDENTITY} where it has none. */
    public static EvidenceSelection read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        return Files.isRegularFile(file) ? JSON.readValue(file.toFile(), EvidenceSelection.class) : IDENTITY;
    }

    /** Writes this selection into compressor folder {@code dir}, atomically. */
    public void write(Path dir) throws IOException {
        Path tmp = dir.resolve(FILE + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static double[] identityWeights() {
        double[] w = new double[FEATURES];
        w[0] = 1;
        return w;
    }
}
