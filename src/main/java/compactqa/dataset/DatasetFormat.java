package compactqa.dataset;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

import compactqa.corpus.JsonShape;

/**
 * The question-answering data set formats the project reads, each recognised from a file's content:
 * its layout and the field names of its first record ({@link JsonShape}), never its name.
 *
 * <p>Each format's rule is a test on the first record's keys. The rules are disjoint from one
 * another, and from the generic corpus reader's ({@code compactqa.corpus.JsonlCorpusReader}
 * takes records with {@code text} or {@code contents} and without {@code question}): every format
 * here needs {@code question} or {@code question_text}, except SQuAD, whose single top-level object
 * has {@code data} and no {@code text}. Record formats accept a JSON array, JSON lines, or a file
 * holding a single record.
 */
public enum DatasetFormat {

    /** Official HotpotQA: {@code _id, question, answer, type, level, supporting_facts, context}. */
    HOTPOTQA("hotpotqa", true,
            s -> records(s) && s.has("question", "supporting_facts", "context") && !s.has("evidences")),

    /** Official 2WikiMultihopQA: the HotpotQA fields plus {@code evidences}. */
    TWOWIKI("2wiki", true,
            s -> records(s) && s.has("question", "supporting_facts", "context", "evidences")),

    /** IRCoT's processed format: {@code question_id, question_text, answers_objects, contexts}. */
    IRCOT("ircot", true,
            s -> records(s) && s.has("question_id", "question_text", "contexts")),

    /** Official MuSiQue: {@code id, question, answer, answer_aliases, answerable, paragraphs, question_decomposition}. */
    MUSIQUE("musique", true,
            s -> records(s) && s.has("question", "paragraphs")
                    && (s.has("question_decomposition") || s.has("answerable") || s.has("answer_aliases"))),

    /** Official SQuAD v1.1 / v2.0: one object {@code {data: [articles], version}}. */
    SQUAD("squad", true,
            s -> s.layout() == JsonShape.Layout.OBJECT && s.has("data")
                    && !s.has("question") && !s.has("text") && !s.has("contents")),

    /** DPR-style NQ-open with its gold passage: {@code question, answers, ctxs}. */
    NQ_ORACLE("nq-oracle", true,
            s -> records(s) && s.has("question", "answers", "ctxs")),

    /** HotpotQA's gold supporting sentences only: {@code question, answer, evidence, type, level}. */
    HOTPOTQA_GOLDSENTS("hotpotqa-goldsents", false,
            s -> records(s) && s.has("question", "answer", "evidence") && !s.has("context"));

    private final String label;
    private final boolean hasParagraphs;
    private final Predicate<JsonShape> rule;

    DatasetFormat(String label, boolean hasParagraphs, Predicate<JsonShape> rule) {
        this.label = label;
        this.hasParagraphs = hasParagraphs;
        this.rule = rule;
    }

    /** The format's name as users see it, for example {@code hotpotqa} or {@code 2wiki}. */
    public String label() {
        return label;
    }

    /**
     * Whether the format carries real context paragraphs. HotpotQA's gold-sentence files do not:
     * their evidence sentences come from several articles and are not a paragraph of any.
     */
    public boolean hasParagraphs() {
        return hasParagraphs;
    }

    /** Whether a file of this shape is in this format. */
    boolean matches(JsonShape shape) {
        return rule.test(shape);
    }

    /** The format of a file of this shape, or empty if it is none of these. */
    public static Optional<DatasetFormat> detect(JsonShape shape) {
        return Arrays.stream(values()).filter(f -> f.matches(shape)).findFirst();
    }

    /** The format with this {@link #label()}, or empty. */
    public static Optional<DatasetFormat> byLabel(String label) {
        return Arrays.stream(values()).filter(f -> f.label.equals(label)).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }

    private static boolean records(JsonShape shape) {
        return shape.layout() == JsonShape.Layout.ARRAY || shape.layout() == JsonShape.Layout.LINES
                || shape.layout() == JsonShape.Layout.OBJECT;
    }
}
