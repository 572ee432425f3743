package compactqa.corpus;

/**
 * One sentence of a {@link Document}: its text and its character span {@code [start, end)} in the
 * document's text. The span excludes surrounding white space; an empty sentence (some HotpotQA
 * paragraphs have them) keeps its place with {@code start == end} so that sentence indices, which
 * supporting facts refer to, stay aligned with the source.
 */
public record Sentence(int start, int end, String text) {

    public Sentence {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("invalid sentence span [" + start + ", " + end + ")");
        }
        if (text == null || text.length() != end - start) {
            throw new IllegalArgumentException("sentence text does not match its span [" + start + ", " + end + ")");
        }
    }

    /** The sentence of {@code text} spanning {@code [start, end)}, trimmed of surrounding white space. */
    public static Sentence trimmed(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new Sentence(start, end, text.substring(start, end));
    }
}
