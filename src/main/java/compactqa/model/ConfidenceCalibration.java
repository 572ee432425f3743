package compactqa.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import compactqa.corpus.AnswerType;

/**
 * Turns the reader's raw confidence (answer-type probability times span-end probabilities) into
 * the probability that the answer is right: Platt scaling of its log-odds, one line for spans and
 * one for yes / no (their raw scores come from different heads), fitted on validation questions.
 * A model without {@value #FILE} keeps its raw confidence.
 *
 * @param spanSlope     slope on the log-odds of a span's raw confidence
 * @param spanIntercept intercept for spans
 * @param yesNoSlope    slope for yes / no answers
 * @param yesNoIntercept intercept for yes / no answers
 * @param report        how it was fitted and what it achieved (questions, expected calibration error
 *                      before and after on held-out validation questions, the command)
 */
public record ConfidenceCalibration(double spanSlope, double spanIntercept, double yesNoSlope, double yesNoIntercept,
                                    Map<String, Object> report) {

    /** The file in a model folder. */
    public static final String FILE = "calibration.json";
    /** Raw confidences, unchanged. */
    public static final ConfidenceCalibration IDENTITY = new ConfidenceCalibration(1, 0, 1, 0, Map.of());

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);
    // log-odds of probabilities this close to 0 or 1 are clipped, so that a raw 1.0 maps to a finite value
    private static final double EPSILON = 1e-6;

    public ConfidenceCalibration {
        // in the order given, so that the file reads as it was written
        report = report == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(report));
    }

    /** The calibrated confidence of an answer of {@code type} whose raw confidence is {@code raw}. */
    public double apply(AnswerType type, double raw) {
        boolean span = type == AnswerType.SPAN;
        return Logistic.sigmoid((span ? spanSlope : yesNoSlope) * logit(raw) + (span ? spanIntercept : yesNoIntercept));
    }

    /** {@code prediction} with its confidence calibrated. */
    public ReaderPrediction apply(ReaderPrediction prediction) {
        return new ReaderPrediction(prediction.text(), prediction.type(), apply(prediction.type(), prediction.confidence()),
                prediction.start(), prediction.end());
    }

    /** The calibration in model folder {@code dir}, or {@link #IDENTITY} where it has none. */
    public static ConfidenceCalibration read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return IDENTITY;
        }
        return JSON.readValue(file.toFile(), ConfidenceCalibration.class);
    }

    /** Writes this calibration into model folder {@code dir}, atomically. */
    public void write(Path dir) throws IOException {
        Path tmp = dir.resolve(FILE + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, dir.resolve(FILE), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The log-odds of {@code p}, clipped away from 0 and 1. */
    public static double logit(double p) {
        double q = Math.min(1 - EPSILON, Math.max(EPSILON, p));
        return Math.log(q / (1 - q));
    }

}
