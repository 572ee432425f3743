package compactqa.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import compactqa.corpus.AnswerType;
import compactqa.corpus.Document;
import compactqa.corpus.ReaderContext;

/**
 * Turns data set questions into reader examples. SQuAD gives answer offsets; elsewhere the answer
 * is the first occurrence of the gold answer (or an alias), case-insensitively, in the supporting
 * text, and questions whose answer is not found there are left out. Multi-hop questions read their
 * supporting paragraphs, titled, in order; answers that normalize to yes or no become yes / no.
 */
public final class ReaderExamples {

    private ReaderExamples() {
    }

    /** The reader example of {@code e}, or empty if its answer cannot be located. */
    public static Optional<ReaderExample> of(QaExample e) {
        if (e.answers().isEmpty()) {
            return Optional.empty();
        }
        List<Document> support = new ArrayList<>();
        for (int i : e.supportingParagraphs()) {
            support.add(e.paragraphs().get(i));
        }
        if (support.isEmpty()) {
            return Optional.empty();
        }
        if (!e.answerSpans().isEmpty()) {
            QaExample.AnswerSpan span = e.answerSpans().get(0);
            String context = e.paragraphs().get(span.paragraph()).text();
            return Optional.of(new ReaderExample(e.id(), e.question(), context, AnswerType.SPAN, span.start(), span.text(),
                    e.answers(), e.dataset()));
        }
        String context = context(e);
        if (e.answerType() != AnswerType.SPAN) {
            return Optional.of(ReaderExample.yesNo(e, context));
        }
        for (String answer : e.answers()) {
            int at = find(context, answer);
            if (at >= 0) {
                return Optional.of(new ReaderExample(e.id(), e.question(), context, AnswerType.SPAN, at,
                        context.substring(at, at + answer.length()), e.answers(), e.dataset()));
            }
        }
        return Optional.empty();
    }

    /**
     * The reader's context for {@code e}: its supporting paragraphs in order, titled for multi-hop
     * data sets (where titles name the entities questions ask about), as they would be retrieved.
     */
    public static String context(QaExample e) {
        List<Document> support = e.supportingParagraphs().stream().map(i -> e.paragraphs().get(i)).toList();
        boolean titled = titled(e.dataset(), support.size());
        return ReaderContext.of(support.stream().map(d -> new ReaderContext.Passage(titled ? d.title() : "", d.text())).toList());
    }

    /** Whether a context of {@code passages} from {@code dataset} carries titles: always for multi-hop data sets and several passages. */
    public static boolean titled(String dataset, int passages) {
        return passages > 1 || dataset.startsWith("hotpotqa") || dataset.equals("2wiki") || dataset.equals("musique")
                || dataset.equals("ircot");
    }

    /** The first case-insensitive occurrence of {@code answer} in {@code context} at word boundaries, or -1. */
    public static int find(String context, String answer) {
        String a = answer.strip();
        if (a.isEmpty()) {
            return -1;
        }
        String lower = context.toLowerCase(Locale.ROOT);
        String target = a.toLowerCase(Locale.ROOT);
        for (int at = lower.indexOf(target); at >= 0; at = lower.indexOf(target, at + 1)) {
            boolean startOk = at == 0 || !Character.isLetterOrDigit(context.charAt(at - 1));
            int end = at + a.length();
            boolean endOk = end >= context.length() || !Character.isLetterOrDigit(context.charAt(end));
            if (startOk && endOk && context.regionMatches(true, at, a, 0, a.length())) {
                return at;
            }
        }
        return -1;
    }
}
