package compactqa.qa;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What links a candidate paragraph to the question and to the evidence kept so far, read off the
 * text alone: the signals a multi-hop question leaves (its first hop is often named in the
 * question, its second named only by the first hop's evidence). All in [0, 1]:
 *
 * <ul>
 * <li>{@code titleInQuestion}: the paragraph's title (without a trailing parenthesis such as
 * "(1945 film)") occurs in the question as whole words;
 * <li>{@code titleWordsInQuestion}: the share of the title's content words the question holds;
 * <li>{@code titleInEvidence}: the title occurs in the evidence taken from other paragraphs;
 * <li>{@code evidenceTitleInText}: the title of a paragraph the evidence came from occurs in this
 * paragraph's text;
 * <li>{@code retrieval}: the paragraph's retrieval score over the best one's (1 for the best).
 * </ul>
 */
public record ParagraphSignals(double titleInQuestion, double titleWordsInQuestion, double titleInEvidence,
                               double evidenceTitleInText, double retrieval) {

    /** Number of signals, the length of {@link #values()}. */
    public static final int COUNT = 5;
    /** No link at all (and the worst retrieval score). */
    public static final ParagraphSignals NONE = new ParagraphSignals(0, 0, 0, 0, 0);

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern TRAILING_PARENTHESIS = Pattern.compile("\\s*\\([^)]*\\)\\s*$");
    private static final Set<String> STOP = Set.of("a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by",
            "with", "from", "is", "was", "de", "la", "le", "el", "s");

    /** The signals as an array, in the order of the record's components. */
    public double[] values() {
        return new double[] {titleInQuestion, titleWordsInQuestion, titleInEvidence, evidenceTitleInText, retrieval};
    }

    /**
     * The signals of one paragraph.
     *
     * @param evidence       the evidence sentences kept so far from other paragraphs
     * @param evidenceTitles the titles of the paragraphs that evidence came from
     * @param retrieval      the paragraph's retrieval score over the best one's, in [0, 1]
     */
    public static ParagraphSignals of(String question, String title, String text, List<String> evidence,
                                      List<String> evidenceTitles, double retrieval) {
        String name = normalize(TRAILING_PARENTHESIS.matcher(title).replaceAll(""));
        String q = normalize(question);
        boolean named = !name.isBlank() && !STOP.contains(name);
        double inQuestion = named && contains(q, name) ? 1 : 0;
        double words = named ? share(contentWords(name), new HashSet<>(List.of(q.split(" ")))) : 0;
        String ev = normalize(String.join(" ", evidence));
        double inEvidence = named && !ev.isBlank() && contains(ev, name) ? 1 : 0;
        String body = normalize(text);
        double evidenceTitle = 0;
        for (String t : evidenceTitles) {
            String other = normalize(TRAILING_PARENTHESIS.matcher(t).replaceAll(""));
            if (!other.isBlank() && !other.equals(name) && !STOP.contains(other) && contains(body, other)) {
                evidenceTitle = 1;
                break;
            }
        }
        return new ParagraphSignals(inQuestion, words, inEvidence, evidenceTitle, Math.max(0, Math.min(1, retrieval)));
    }

    /** Lower case, words separated by single spaces, no punctuation. */
    static String normalize(String s) {
        return NOT_WORD.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** Whether normalized {@code text} holds normalized {@code phrase} as whole words. */
    static boolean contains(String text, String phrase) {
        return (" " + text + " ").contains(" " + phrase + " ");
    }

    private static Set<String> contentWords(String name) {
        Set<String> words = new HashSet<>();
        for (String w : name.split(" ")) {
            if (!w.isEmpty() && !STOP.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    private static double share(Set<String> words, Set<String> in) {
        if (words.isEmpty()) {
            return 0;
        }
        return words.stream().filter(in::contains).count() / (double) words.size();
    }
}
