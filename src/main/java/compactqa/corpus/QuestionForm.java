package compactqa.corpus;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a question's wording says of its answer: a question that opens on an auxiliary verb and
 * offers no alternatives ("Are A and B both directors?") is answered yes or no; any other ("Which
 * ...", "Is A or B older?") is open. On the 500 HotpotQA training questions with gold sentences this
 * told the 36 yes/no questions from the 464 others without an error, on the 500 2WikiMultihopQA
 * training questions the 166 yes/no ones from the others (once only a lower-case "or" offered
 * alternatives: three titles hold "Or"), and on the 100 HotpotQA training questions it missed one of
 * nine ("... has an OBE. Does ...?") and took a garbled one for yes/no. A missed yes/no question is
 * only open, so an open question may still be answered yes or no.
 */
public enum QuestionForm {
    /** Answered yes or no. */
    YES_NO,
    /** Answered by a span, or yes or no where the reader finds it likelier. */
    OPEN;

    private static final Pattern AUXILIARY = Pattern.compile(
            "^\\W*(is|are|am|was|were|do|does|did|can|could|has|have|had|will|would|shall|should|may|might|must)\\b");
    // case-sensitive: "Kill Or Be Killed" is a title, not a choice
    private static final Pattern ALTERNATIVES = Pattern.compile("\\bor\\b");

    /** The form of {@code question}. */
    public static QuestionForm of(String question) {
        String q = question.strip();
        return AUXILIARY.matcher(q.toLowerCase(Locale.ROOT)).find() && !ALTERNATIVES.matcher(q).find() ? YES_NO : OPEN;
    }
}
