package compactqa.dataset;

import java.util.List;
import java.util.Objects;

import compactqa.corpus.AnswerType;
import compactqa.corpus.Document;

/**
 * One question of a QA data set, in the same shape whatever the source format.
 *
 * @param id                   the data set's question id
 * @param question             the question text
 * @param answers              the gold answer first, then its aliases; {@code yes} / {@code no} for
 *                             HotpotQA's comparison questions
 * @param type                 the question type where the format names one (HotpotQA {@code bridge}
 *                             / {@code comparison}, 2Wiki {@code compositional} ..., MuSiQue
 *                             {@code 2hop} ...), else empty
 * @param paragraphs           the context paragraphs given with the question, in order
 * @param supportingParagraphs indices into {@code paragraphs} of the gold ones present there
 * @param supportingTitles     titles of all gold paragraphs, including any missing from
 *                             {@code paragraphs} (HotpotQA fullwiki); empty where the format has
 *                             no titles
 * @param supportingFacts      sentence-level gold facts where the format has them (HotpotQA and
 *                             2Wiki official), else empty
 * @param answerSpans          the answer's character offsets in {@code paragraphs} where the format
 *                             gives them (SQuAD), else empty
 * @param dataset              the format it was read from, for example {@code hotpotqa}
 */
public record QaExample(
        String id,
        String question,
        List<String> answers,
        String type,
        List<Document> paragraphs,
        List<Integer> supportingParagraphs,
        List<String> supportingTitles,
        List<SupportingFact> supportingFacts,
        List<AnswerSpan> answerSpans,
        String dataset) {

    public QaExample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dataset, "dataset");
        answers = List.copyOf(answers);
        paragraphs = List.copyOf(paragraphs);
        supportingParagraphs = List.copyOf(supportingParagraphs);
        supportingTitles = List.copyOf(supportingTitles);
        supportingFacts = List.copyOf(supportingFacts);
        answerSpans = List.copyOf(answerSpans);
        for (int i : supportingParagraphs) {
            if (i < 0 || i >= paragraphs.size()) {
                throw new IllegalArgumentException("question " + id + ": supporting paragraph " + i + " out of range");
            }
        }
    }

    /** The gold answer (the first of {@link #answers}), or empty if there is none. */
    public String answer() {
        return answers.isEmpty() ? "" : answers.get(0);
    }

    /**
     * {@code YES} or {@code NO} for a yes / no question (its gold answer is one of them once
     * normalized as the official scripts do: case, punctuation and articles aside), else {@code SPAN}.
     */
    public AnswerType answerType() {
        String normalized = String.join(" ", java.util.Arrays.stream(answer().toLowerCase(java.util.Locale.ROOT)
                .replaceAll("\\p{Punct}", "").strip().split("\\s+")).filter(w -> !ARTICLES.contains(w)).toList());
        return switch (normalized) {
            case "yes" -> AnswerType.YES;
            case "no" -> AnswerType.NO;
            default -> AnswerType.SPAN;
        };
    }

    private static final java.util.Set<String> ARTICLES = java.util.Set.of("a", "an", "the");

    /** Whether the format gave sentence-level supporting facts. */
    public boolean hasSentenceSupport() {
        return !supportingFacts.isEmpty();
    }

    /** A gold supporting sentence: the paragraph's title and the sentence's index within it. */
    public record SupportingFact(String title, int sentence) {
    }

    /**
     * An occurrence of the answer in a context paragraph.
     *
     * @param paragraph index into {@link #paragraphs}
     * @param start     character offset of the answer in that paragraph's text
     * @param text      the answer text as it appears there
     */
    public record AnswerSpan(int paragraph, int start, String text) {
    }
}
