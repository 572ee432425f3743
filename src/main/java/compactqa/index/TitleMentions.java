package compactqa.index;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which titles a text names. A title is named where its words appear in the text as one phrase,
 * ignoring case, punctuation and a trailing parenthesised qualifier ("Kiss and Tell (1945 film)" is
 * named by "... the film Kiss and Tell ..."). Titles of fewer than {@value #MIN_CHARS} characters
 * are never named: they would match everywhere.
 */
final class TitleMentions {

    static final int MIN_CHARS = 3;
    private static final Pattern QUALIFIER = Pattern.compile("\\s*\\([^()]*\\)\\s*$");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** The text normalized and padded with a space on both sides, so a phrase match is a substring match. */
    private final String padded;

    TitleMentions(String text) {
        this.padded = " " + normalize(text) + " ";
    }

    /** Whether the text names {@code title}. */
    boolean names(String title) {
        String bare = normalize(QUALIFIER.matcher(title).replaceFirst(""));
        return bare.length() >= MIN_CHARS && padded.contains(" " + bare + " ");
    }

    /** Lower case, HTML's escaped ampersand as one (the HotpotQA titles keep it), every run of non-word characters as one space. */
    static String normalize(String s) {
        return NOT_WORD.matcher(s.replace("&amp;", "&").toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
