package compactqa.train;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import compactqa.corpus.AnswerType;
import compactqa.corpus.Document;
import compactqa.dataset.QaExample;
import compactqa.dataset.ReaderExample;
import compactqa.dataset.ReaderExamples;
import compactqa.metrics.AnswerMetrics;
import compactqa.metrics.CalibrationError;
import compactqa.model.ConfidenceCalibration;
import compactqa.model.ReaderModel;
import compactqa.model.ReaderPrediction;

/**
 * Fits a reader's {@link ConfidenceCalibration} on validation questions (never on a benchmark):
 * each is read over its gold paragraphs and over a few {@link EvidenceContexts} contexts like the
 * compressor's output (more readings of the few validation questions: with a few hundred, the
 * error measured is mostly the bins' sampling noise), and each answer counts as right if it matches a gold answer exactly
 * (after the official normalization). The expected calibration error is reported before and after
 * on half of the readings, with the calibration fitted on the other half; the calibration written
 * is then fitted on all of them.
 */
public final class ReaderCalibration {

    private static final int BATCH = 8;

    private ReaderCalibration() {
    }

    /**
     * One reading: the raw confidence and type of the answer, whether it was right, and the question
     * it answered (readings of one question fall in one fold).
     */
    record Reading(double raw, AnswerType type, boolean correct, int question) {

        /** A reading of its own question. */
        Reading(double raw, AnswerType type, boolean correct) {
            this(raw, type, correct, -1);
        }
    }

    /**
     * The calibration of {@code reader} over {@code validation}.
     *
     * @param seed     draws the evidence contexts
     * @param contexts evidence contexts read per question, besides its gold paragraphs
     * @param log      progress, one line every few hundred readings
     */
    public static ConfidenceCalibration fit(ReaderModel reader, List<QaExample> validation, long seed, int contexts, PrintWriter log) {
        if (contexts < 0) {
            throw new IllegalArgumentException("contexts per question cannot be negative, got " + contexts);
        }
        List<Item> items = items(validation, seed, contexts);
        if (items.size() < 40) {
            throw new IllegalArgumentException("only " + items.size() + " validation readings: too few to calibrate on");
        }
        List<Reading> readings = read(reader, items, log);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("questions", validation.size());
        report.put("seed", seed);
        report.put("contexts_per_question", contexts);
        return calibrate(readings, report);
    }

    /**
     * Platt scaling over {@code readings} if it beats the raw confidence, else the identity; the
     * figures go into {@code report}. Two folds (even and odd questions: a question's readings over its
     * gold paragraphs and over a compressed context fall in the same fold), each scored by the
     * calibration fitted on the other: on a reader that is already near calibrated, a line fitted to a
     * few hundred readings can make it worse (measured once: 0.047 raw, 0.072 fitted).
     */
    static ConfidenceCalibration calibrate(List<Reading> readings, Map<String, Object> report) {
        List<Reading> even = new ArrayList<>();
        List<Reading> odd = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            Reading r = readings.get(i);
            ((r.question() < 0 ? i : r.question()) % 2 == 0 ? even : odd).add(r);
        }
        double before = (ece(even, ConfidenceCalibration.IDENTITY) + ece(odd, ConfidenceCalibration.IDENTITY)) / 2;
        double platt = (ece(odd, fitted(even, Map.of())) + ece(even, fitted(odd, Map.of()))) / 2;
        boolean keep = platt < before;
        report.put("readings", readings.size());
        report.put("accuracy", round(readings.stream().filter(Reading::correct).count() / (double) readings.size()));
        report.put("bins", CalibrationError.BINS);
        report.put("ece_before", round(before));
        report.put("ece_platt", round(platt));
        report.put("chosen", keep ? "platt" : "identity");
        report.put("ece_after", round(keep ? platt : before));
        report.put("ece_measured_on", "two folds (even and odd questions), each scored by the calibration fitted on the other");
        return keep ? fitted(readings, report) : new ConfidenceCalibration(1, 0, 1, 0, report);
    }

    /** A reading to make, and the question (its index) it answers. */
    private record Item(ReaderExample example, int question) {
    }

    /** The validation readings: gold paragraphs, and {@code contexts} compressor-like contexts per question. */
    private static List<Item> items(List<QaExample> validation, long seed, int contexts) {
        Random random = new Random(seed);
        List<Document> pool = validation.stream().flatMap(e -> e.paragraphs().stream()).distinct().toList();
        List<Item> items = new ArrayList<>();
        for (int q = 0; q < validation.size(); q++) {
            int question = q;
            QaExample e = validation.get(q);
            ReaderExamples.of(e).ifPresent(x -> items.add(new Item(x, question)));
            EvidenceContexts.of(e, contexts, pool, random).forEach(x -> items.add(new Item(x, question)));
        }
        return items;
    }

    private static List<Reading> read(ReaderModel reader, List<Item> items, PrintWriter log) {
        List<Reading> readings = new ArrayList<>();
        long start = System.nanoTime();
        for (int from = 0; from < items.size(); from += BATCH) {
            List<Item> chunk = items.subList(from, Math.min(items.size(), from + BATCH));
            List<ReaderPrediction> predictions = reader.answerAllRaw(chunk.stream()
                    .map(i -> new ReaderModel.Query(i.example().question(), i.example().context())).toList());
            for (int k = 0; k < chunk.size(); k++) {
                ReaderPrediction p = predictions.get(k);
                boolean right = AnswerMetrics.best(p.text(), chunk.get(k).example().answers()).em() == 1;
                readings.add(new Reading(p.confidence(), p.type(), right, chunk.get(k).question()));
            }
            if (readings.size() % 400 < BATCH && log != null) {
                double seconds = (System.nanoTime() - start) / 1e9;
                log.printf(Locale.ROOT, "calibration: %d/%d readings, %.1f/s, ETA %.0f s%n", readings.size(), items.size(),
                        readings.size() / seconds, seconds / readings.size() * (items.size() - readings.size()));
                log.flush();
            }
        }
        return readings;
    }

    private static ConfidenceCalibration fitted(List<Reading> readings, Map<String, Object> report) {
        PlattScaling.Line span = PlattScaling.fit(samples(readings, true));
        PlattScaling.Line yesNo = PlattScaling.fit(samples(readings, false));
        return new ConfidenceCalibration(span.slope(), span.intercept(), yesNo.slope(), yesNo.intercept(), report);
    }

    private static List<PlattScaling.Sample> samples(List<Reading> readings, boolean spans) {
        return readings.stream().filter(r -> (r.type() == AnswerType.SPAN) == spans)
                .map(r -> new PlattScaling.Sample(r.raw(), r.correct())).toList();
    }

    static double ece(List<Reading> readings, ConfidenceCalibration calibration) {
        return CalibrationError.of(readings.stream().map(r -> new CalibrationError.Outcome(calibration.apply(r.type(), r.raw()),
                r.correct())).toList(), CalibrationError.BINS);
    }

    private static double round(double x) {
        return Math.round(x * 10000) / 10000.0;
    }
}
