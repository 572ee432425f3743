package compactqa.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import compactqa.corpus.AnswerType;

/**
 * The trained extractive reader on ONNX Runtime: a question and a context in, a
 * {@link ReaderPrediction} out. Windows of several questions are batched into one call.
 *
 * <p>A question is cut to its first {@value #MAX_QUESTION_TOKENS} word pieces, so that it always
 * leaves the context room for windows (questions that long are noise, not meaning). Thread-safe;
 * close it when no call is running.
 */
public final class ReaderModel implements AutoCloseable {

    /** The longest answer, in word pieces, the reader gives (and is trained to give). */
    public static final int MAX_ANSWER_TOKENS = 30;
    /** Word pieces of the question the reader reads. */
    public static final int MAX_QUESTION_TOKENS = 64;

    /** Windows per ONNX Runtime call. */
    private static final int BATCH_WINDOWS = 8;

    private final Encoder encoder;
    private final SpanDecoder decoder;
    private final ConfidenceCalibration calibration;

    public ReaderModel(Encoder encoder, int maxAnswerTokens) {
        this(encoder, maxAnswerTokens, ConfidenceCalibration.IDENTITY);
    }

    /** A reader whose confidences pass through {@code calibration}. */
    public ReaderModel(Encoder encoder, int maxAnswerTokens, ConfidenceCalibration calibration) {
        if (!encoder.outputNames().containsAll(List.of("span", "answer_type"))) {
            throw new IllegalArgumentException("the model has no reader heads (span, answer_type): " + encoder.outputNames());
        }
        this.encoder = encoder;
        this.decoder = new SpanDecoder(maxAnswerTokens);
        this.calibration = calibration;
    }

    /** Opens a trained reader. */
    public static ReaderModel open(ModelArtifact artifact, ModelCache cache, EncoderOptions options,
                                   Precision precision) throws IOException {
        if (artifact.manifest().task() != Task.READER) {
            throw new IllegalArgumentException(artifact.dir() + " holds a " + artifact.manifest().task() + ", not a reader");
        }
        ConfidenceCalibration calibration = ConfidenceCalibration.read(artifact.dir());
        return new ReaderModel(artifact.open(cache, options, precision), MAX_ANSWER_TOKENS, calibration);
    }

    /** A question and the context to answer it from. */
    public record Query(String question, String context) {
    }

    /** The answer to one question. */
    public ReaderPrediction answer(String question, String context) {
        return answerAll(List.of(new Query(question, context))).get(0);
    }

    /** The answers to {@code queries}, in order, their confidences calibrated. */
    public List<ReaderPrediction> answerAll(List<Query> queries) {
        return answerAllRaw(queries).stream().map(calibration::apply).toList();
    }

    /** The calibration this reader applies ({@link ConfidenceCalibration#IDENTITY} where its folder has none). */
    public ConfidenceCalibration calibration() {
        return calibration;
    }

    /** The answers to {@code queries}, in order, with the decoder's raw confidence (what calibration is fitted on). */
    public List<ReaderPrediction> answerAllRaw(List<Query> queries) {
        List<List<ReaderWindow>> windows = new ArrayList<>();
        List<TokenizedText> flat = new ArrayList<>();
        for (Query q : queries) {
            List<ReaderWindow> w = windows(q).stream().map(ReaderWindow::new).toList();
            windows.add(w);
            w.forEach(rw -> flat.add(rw.tokens()));
        }
        List<float[]> starts = new ArrayList<>();
        List<float[]> ends = new ArrayList<>();
        List<float[]> types = new ArrayList<>();
        for (int from = 0; from < flat.size(); from += BATCH_WINDOWS) {
            Interruption.check("reading", from, flat.size());
            List<TokenizedText> batch = flat.subList(from, Math.min(flat.size(), from + BATCH_WINDOWS));
            Map<String, FloatArray> out = encoder.run(batch);
            FloatArray span = out.get("span");
            FloatArray type = out.get("answer_type");
            int length = (int) span.shape()[1];
            for (int r = 0; r < batch.size(); r++) {
                float[] s = new float[length];
                float[] e = new float[length];
                for (int t = 0; t < length; t++) {
                    s[t] = span.get(r, t, 0);
                    e[t] = span.get(r, t, 1);
                }
                starts.add(s);
                ends.add(e);
                float[] ty = new float[AnswerType.values().length];
                for (int c = 0; c < ty.length; c++) {
                    ty[c] = type.get(r, c);
                }
                types.add(ty);
            }
        }
        List<ReaderPrediction> predictions = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < queries.size(); i++) {
            int n = windows.get(i).size();
            predictions.add(decoder.decode(queries.get(i).context(), windows.get(i), starts.subList(at, at + n),
                    ends.subList(at, at + n), types.subList(at, at + n)));
            at += n;
        }
        return predictions;
    }

    private List<TokenizedText> windows(Query q) {
        return encoder.tokenizePair(cutQuestion(encoder.tokenizer(), q.question()), q.context());
    }

    /** {@code question}, stripped and cut after its first {@value #MAX_QUESTION_TOKENS} word pieces. */
    public static String cutQuestion(TextTokenizer tokenizer, String question) {
        String stripped = question.strip();
        TokenizedText pieces = tokenizer.pieces(stripped);
        if (pieces.length() <= MAX_QUESTION_TOKENS) {
            return stripped;
        }
        return stripped.substring(0, pieces.charEnds()[MAX_QUESTION_TOKENS - 1]);
    }

    @Override
    public void close() {
        encoder.close();
    }
}
