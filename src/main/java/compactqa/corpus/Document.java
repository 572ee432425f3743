package compactqa.corpus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A paragraph of the corpus: a titled text split into sentences.
 *
 * <p>Immutable and self-checking: every sentence lies inside the text and carries exactly the
 * characters of its span. Two documents with the same title and text are the same paragraph for
 * deduplication, whatever their ids or sources ({@link #contentKey()}).
 *
 * @param id        stable identifier: the source's own id where it has a global one, otherwise
 *                  {@link #contentKey()}
 * @param title     the article title (may be empty, never null)
 * @param text      the paragraph text
 * @param sentences the sentences in order, spans into {@code text}
 * @param source    where the paragraph came from, for example a file name
 */
public record Document(String id, String title, String text, List<Sentence> sentences, String source) {

    public Document {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("document id must not be blank");
        }
        sentences = List.copyOf(sentences);
        int previousEnd = 0;
        for (Sentence s : sentences) {
            if (s.end() > text.length() || s.start() < previousEnd) {
                throw new IllegalArgumentException("sentence [" + s.start() + ", " + s.end() + ") of document " + id
                        + " lies outside the text or overlaps the previous one");
            }
            if (!text.regionMatches(s.start(), s.text(), 0, s.text().length())) {
                throw new IllegalArgumentException("sentence text of document " + id + " differs from the text at its span");
            }
            previousEnd = s.end();
        }
    }

    /**
     * A document whose text is its sentences joined in order. Sentences that already carry their
     * separating white space (HotpotQA's start with a space) are concatenated as they are; otherwise
     * one space is inserted (2WikiMultihopQA's have none). Empty sentences keep their index.
     *
     * @param id the id, or null to use the content key
     */
    public static Document fromSentences(String id, String title, List<String> sentences, String source) {
        StringBuilder text = new StringBuilder();
        int[] starts = new int[sentences.size()];
        int[] ends = new int[sentences.size()];
        for (int i = 0; i < sentences.size(); i++) {
            String s = sentences.get(i);
            if (!text.isEmpty() && !s.isEmpty()
                    && !Character.isWhitespace(text.charAt(text.length() - 1))
                    && !Character.isWhitespace(s.charAt(0))) {
                text.append(' ');
            }
            starts[i] = text.length();
            text.append(s);
            ends[i] = text.length();
        }
        String joined = text.toString();
        List<Sentence> spans = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            spans.add(Sentence.trimmed(joined, starts[i], ends[i]));
        }
        return new Document(id != null ? id : contentKey(title, joined), title, joined, spans, source);
    }

    /**
     * The texts of the {@code n} sentences with the highest {@code scores} (one per sentence; NaN
     * for a sentence that was not scored), in text order.
     */
    public List<String> topSentences(double[] scores, int n) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isNaN(scores[i])) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        return order.stream().limit(n).sorted().map(i -> sentences.get(i).text()).toList();
    }

    /** The deduplication key of this paragraph: a digest of its title and text. */
    public String contentKey() {
        return contentKey(title, text);
    }

    /**
     * A stable 16-hex-digit key for a title and text: the first 8 bytes of the SHA-256 of both with
     * white space removed, since copies of one paragraph differ in spacing: IRCoT's files join
     * HotpotQA's sentences with two spaces where the official files have one, and put a space
     * wherever HotpotQA's sentence splitter cut inside a word ("O!RUL8,2?" becomes "O!RUL8,2? ").
     */
    public static String contentKey(String title, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(withoutSpace(title).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            byte[] digest = sha.digest(withoutSpace(text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static String withoutSpace(String s) {
        return WHITE_SPACE.matcher(s).replaceAll("");
    }

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
}
