package compactqa.dataset;

import java.util.List;

import compactqa.corpus.AnswerType;

/**
 * A question with a context and its answer, as the reader learns from it.
 *
 * @param id          the source question's id
 * @param question    the question
 * @param context     the context text (see {@link compactqa.corpus.ReaderContext})
 * @param type        span, yes or no
 * @param answerStart character offset of the answer span in the context, -1 for yes / no
 * @param answerText  the answer as it appears in the context ({@code yes} / {@code no} otherwise)
 * @param answers     every gold answer and alias, for scoring
 * @param dataset     the data set it came from
 */
public record ReaderExample(String id, String question, String context, AnswerType type, int answerStart, String answerText,
                            List<String> answers, String dataset) {

    /** The example of yes / no question {@code e} over {@code context}. */
    public static ReaderExample yesNo(QaExample e, String context) {
        AnswerType type = e.answerType();
        if (type == AnswerType.SPAN) {
            throw new IllegalArgumentException("question " + e.id() + " is not a yes / no question");
        }
        return new ReaderExample(e.id(), e.question(), context, type, -1, type == AnswerType.YES ? "yes" : "no", e.answers(),
                e.dataset());
    }

    public ReaderExample {
        answers = List.copyOf(answers);
        if (type == AnswerType.SPAN && (answerStart < 0 || !context.startsWith(answerText, answerStart))) {
            throw new IllegalArgumentException("question " + id + ": the answer is not at its offset in the context");
        }
    }
}
