package compactqa.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Answer metrics of the official HotpotQA evaluation script ({@code hotpot_evaluate_v1.py}), whose
 * normalisation and token F1 are those of SQuAD v1.1 ({@code evaluate-v1.1.py}) plus HotpotQA's
 * rule for yes/no answers.
 *
 * <p>The scripts are Python 3; this class reproduces them on {@code str}, that is on Unicode text,
 * including the scripts' edge cases (see {@link #score}).
 */
public final class AnswerMetrics {

    /** Python's {@code string.punctuation}: ASCII only, so other punctuation survives normalisation. */
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    /** The script's {@code (a|an|the)}, in the order its regular expression tries them. */
    private static final List<String> ARTICLES = List.of("a", "an", "the");

    /** Answers that HotpotQA never gives partial credit for. */
    private static final List<String> NO_PARTIAL_CREDIT = List.of("yes", "no", "noanswer");

    private AnswerMetrics() {
    }

    /** Which official script's F1 to reproduce; they differ only in HotpotQA's yes/no rule. */
    public enum Script {
        /** {@code hotpot_evaluate_v1.py}: no partial credit around yes, no and noanswer. */
        HOTPOTQA,
        /** SQuAD v1.1's {@code evaluate-v1.1.py}: plain token F1 for every answer. */
        SQUAD
    }

    /**
     * The official {@code normalize_answer}: lower-case, remove ASCII punctuation, replace the
     * articles {@code a}, {@code an}, {@code the} standing as whole words by a space, then collapse
     * runs of white space into single spaces and trim, in that order.
     *
     * <p>White space is Python's {@code str.isspace()} set, which unlike {@link Character#isWhitespace}
     * includes the no-break spaces (U+00A0, U+2007, U+202F) and U+0085.
     *
     * <p>Lower-casing is Java's {@link String#toLowerCase(Locale) toLowerCase(Locale.ROOT)}, which
     * differs from Python's {@code str.lower()} only in rare cases: the context in which a capital
     * sigma becomes a final {@code ς} (Java looks at word boundaries, Python skips case-ignorable
     * characters), and letters whose case mapping is newer than the Unicode version of the Python
     * that runs the script.
     *
     * @return the normalised text, whose tokens are separated by single spaces; empty if nothing is left
     */
    public static String normalize(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        StringBuilder kept = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (PUNCTUATION.indexOf(c) < 0) {
                kept.append(c);
            }
        }
        return String.join(" ", splitOnPythonSpace(removeArticles(kept)));
    }

    /**
     * The official {@code exact_match_score} and {@code f1_score} of one prediction against one gold
     * answer.
     *
     * <ul>
     * <li>EM is {@code 1} when both normalise to the same text, else {@code 0}.
     * <li>Precision, recall and F1 count the tokens the normalised texts share, each token at most as
     * often as it occurs in both (a multiset intersection, Python's {@code Counter &}).
     * <li>If either normalised text is {@code yes}, {@code no} or {@code noanswer} and the two
     * differ, F1, precision and recall are {@code 0}, so that {@code "no way"} earns nothing against
     * {@code "no"}.
     * <li>No shared token gives F1, precision and recall {@code 0}. This includes two answers that
     * both normalise to the empty text (for example {@code ""} and {@code "the"}): the script scores
     * them EM {@code 1} but F1 {@code 0}, and so does this method.
     * </ul>
     */
    public static MatchScore score(String prediction, String gold) {
        return score(prediction, gold, Script.HOTPOTQA);
    }

    /** {@link #score(String, String)} as the given script computes it: SQuAD's has no yes/no rule. */
    public static MatchScore score(String prediction, String gold, Script script) {
        String pred = normalize(prediction);
        String truth = normalize(gold);
        double em = pred.equals(truth) ? 1 : 0;
        if (script == Script.HOTPOTQA && !pred.equals(truth)
                && (NO_PARTIAL_CREDIT.contains(pred) || NO_PARTIAL_CREDIT.contains(truth))) {
            return new MatchScore(em, 0, 0, 0);
        }
        List<String> predTokens = tokens(pred);
        List<String> goldTokens = tokens(truth);
        int same = sharedCount(predTokens, goldTokens);
        if (same == 0) {
            return new MatchScore(em, 0, 0, 0);
        }
        double precision = (double) same / predTokens.size();
        double recall = (double) same / goldTokens.size();
        double f1 = 2 * precision * recall / (precision + recall);
        return new MatchScore(em, f1, precision, recall);
    }

    /**
     * The best score of a prediction over a gold answer and its aliases, as SQuAD's
     * {@code metric_max_over_ground_truths}: EM is the highest EM and F1 the highest F1, each taken on
     * its own, so the two may come from different aliases. Precision and recall, which the script does
     * not report, are those of the alias with the highest F1, the first such alias on a tie.
     *
     * @throws IllegalArgumentException if {@code golds} is empty, where the script's {@code max} fails
     */
    public static MatchScore best(String prediction, List<String> golds) {
        return best(prediction, golds, Script.HOTPOTQA);
    }

    /** {@link #best(String, List)} as the given script computes it. */
    public static MatchScore best(String prediction, List<String> golds, Script script) {
        if (golds.isEmpty()) {
            throw new IllegalArgumentException("no gold answer to score against");
        }
        double bestEm = 0;
        MatchScore bestF1 = null;
        for (String gold : golds) {
            MatchScore s = score(prediction, gold, script);
            bestEm = Math.max(bestEm, s.em());
            if (bestF1 == null || s.f1() > bestF1.f1()) {
                bestF1 = s;
            }
        }
        return new MatchScore(bestEm, bestF1.f1(), bestF1.precision(), bestF1.recall());
    }

    /**
     * The script's {@code re.sub(r'\b(a|an|the)\b', ' ', text)}: each article standing as a whole word
     * becomes a space, scanning left to right without overlap.
     *
     * <p>Scanned by hand rather than with a {@link java.util.regex.Pattern}, for two reasons. Python's
     * word characters on {@code str} are exactly the letters, the numbers and the underscore (checked
     * against every code point of Python 3.11), while Java's {@code UNICODE_CHARACTER_CLASS} word class
     * adds combining marks, all connector punctuation and the joiners, so it would keep the {@code a}
     * of a decomposed {@code á} (a, U+0301) that Python removes. And a Java look-behind for a letter class
     * does not see a letter outside the Basic Multilingual Plane (such as {@code 𝐀} or a CJK extension
     * ideograph), so it would remove the {@code an} of {@code "𝐀an"} that Python keeps.
     */
    private static String removeArticles(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int article = i == 0 || !isWordCharacter(Character.codePointBefore(text, i)) ? articleAt(text, i) : 0;
            if (article > 0) {
                out.append(' ');
                i += article;
            } else {
                out.append(text.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    /** The length of the first article that starts at {@code i} and ends a word, or {@code 0}. */
    private static int articleAt(CharSequence text, int i) {
        for (String article : ARTICLES) {
            int end = i + article.length();
            if (end <= text.length()
                    && article.contentEquals(text.subSequence(i, end))
                    && (end == text.length() || !isWordCharacter(Character.codePointAt(text, end)))) {
                return article.length();
            }
        }
        return 0;
    }

    /** Python's {@code \w} on {@code str}: a letter, a number (decimal, letter or other) or {@code _}. */
    private static boolean isWordCharacter(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> codePoint == '_';
        };
    }

    /** Python's {@code str.split()} with no argument: runs of white space separate, none are kept. */
    private static List<String> splitOnPythonSpace(String s) {
        List<String> parts = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < s.length(); i++) {
            if (isPythonSpace(s.charAt(i))) {
                if (start >= 0) {
                    parts.add(s.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            parts.add(s.substring(start));
        }
        return parts;
    }

    /** Python's {@code str.isspace()}; every such character is in the Basic Multilingual Plane. */
    private static boolean isPythonSpace(char c) {
        return switch (c) {
            case '\t', '\n', '\u000b', '\f', '\r', '\u001c', '\u001d', '\u001e', '\u001f', ' ',
                    '\u0085', '\u00a0', '\u1680', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000' -> true;
            default -> c >= '\u2000' && c <= '\u200a';
        };
    }

    /** The tokens of an already normalised text, whose only separators are single spaces. */
    private static List<String> tokens(String normalized) {
        return normalized.isEmpty() ? List.of() : List.of(normalized.split(" "));
    }

    /** The size of the multiset intersection of two token lists. */
    private static int sharedCount(List<String> a, List<String> b) {
        Map<String, Integer> remaining = new HashMap<>();
        for (String t : b) {
            remaining.merge(t, 1, Integer::sum);
        }
        int same = 0;
        for (String t : a) {
            Integer left = remaining.get(t);
            if (left != null && left > 0) {
                remaining.put(t, left - 1);
                same++;
            }
        }
        return same;
    }
}
