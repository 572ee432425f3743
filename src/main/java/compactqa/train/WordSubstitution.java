package compactqa.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import compactqa.corpus.AnswerType;
import compactqa.dataset.ReaderExample;
import compactqa.model.Tensor;

/**
 * TinyBERT's word-replacement augmentation (Jiao et al., 2020), which XTC distils on: a copy of a
 * training example in which each word is replaced, with probability {@link #SHARE}, by one of its
 * {@link #NEIGHBOURS} nearest words. TinyBERT draws the candidates of single-piece words from BERT's
 * masked language model and the rest from GloVe; neither exists here, so the candidates are the
 * nearest whole words of the vocabulary by cosine similarity of the encoder's own input word
 * embeddings (which place {@code paris} near {@code london} and {@code berlin}). Only words of at
 * least three letters that are one vocabulary entry are replaced, keeping their capitalization; the
 * answer span is never touched, so its label moves with the text and stays true. The teacher labels
 * what the copy then says.
 *
 * <p>Neighbours are computed on first use and cached; not thread-safe.
 */
final class WordSubstitution {

    /** Candidates per word (TinyBERT's K). */
    static final int NEIGHBOURS = 15;
    /** Share of the eligible words replaced (TinyBERT's 0.4, lowered: a reader's evidence is a few words). */
    static final double SHARE = 0.3;

    private static final Pattern WORD = Pattern.compile("[A-Za-z]+");
    private static final Pattern WHOLE_WORD = Pattern.compile("[a-z]{3,}");

    private final Map<String, Integer> rows = new HashMap<>();
    private final List<String> words = new ArrayList<>();
    private final float[] unit;
    private final int width;
    private final Map<String, List<String>> neighbours = new HashMap<>();

    /**
     * @param vocabulary the tokenizer's tokens by id
     * @param embeddings the input word embeddings {@code [vocabulary, hidden]}
     */
    WordSubstitution(List<String> vocabulary, Tensor embeddings) {
        if (embeddings.rank() != 2 || embeddings.dim(0) != vocabulary.size()) {
            throw new IllegalArgumentException("word embeddings " + Arrays.toString(embeddings.shape())
                    + " do not match a vocabulary of " + vocabulary.size());
        }
        width = (int) embeddings.dim(1);
        float[] all = embeddings.floats();
        float[] kept = new float[all.length];
        for (int id = 0; id < vocabulary.size(); id++) {
            String token = vocabulary.get(id);
            if (WHOLE_WORD.matcher(token).matches()) {
                int o = words.size() * width;
                double norm = 0;
                for (int j = 0; j < width; j++) {
                    kept[o + j] = all[id * width + j];
                    norm += kept[o + j] * kept[o + j];
                }
                float inverse = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
                for (int j = 0; j < width; j++) {
                    kept[o + j] *= inverse;
                }
                rows.put(token, words.size());
                words.add(token);
            }
        }
        unit = Arrays.copyOf(kept, words.size() * width);
    }

    /** The nearest whole words to {@code word} (lower case), nearest first; empty if it is no single vocabulary entry. */
    List<String> neighbours(String word) {
        return neighbours.computeIfAbsent(word, this::nearest);
    }

    private List<String> nearest(String word) {
        Integer row = rows.get(word);
        if (row == null) {
            return List.of();
        }
        int[] best = new int[NEIGHBOURS];
        float[] scores = new float[NEIGHBOURS];
        Arrays.fill(best, -1);
        Arrays.fill(scores, Float.NEGATIVE_INFINITY);
        int q = row * width;
        for (int r = 0; r < words.size(); r++) {
            if (r == row) {
                continue;
            }
            float dot = 0;
            int o = r * width;
            for (int j = 0; j < width; j++) {
                dot += unit[q + j] * unit[o + j];
            }
            if (dot > scores[NEIGHBOURS - 1]) {
                int at = NEIGHBOURS - 1;
                while (at > 0 && scores[at - 1] < dot) {
                    scores[at] = scores[at - 1];
                    best[at] = best[at - 1];
                    at--;
                }
                scores[at] = dot;
                best[at] = r;
            }
        }
        List<String> out = new ArrayList<>();
        for (int b : best) {
            if (b >= 0) {
                out.add(words.get(b));
            }
        }
        return List.copyOf(out);
    }

    /** A copy of {@code e} with words of its question and context replaced, drawn with {@code random}. */
    ReaderExample vary(ReaderExample e, Random random) {
        String question = replace(e.question(), 0, 0, random).text();
        int protectFrom = e.type() == AnswerType.SPAN ? e.answerStart() : 0;
        int protectTo = e.type() == AnswerType.SPAN ? e.answerStart() + e.answerText().length() : 0;
        Replaced context = replace(e.context(), protectFrom, protectTo, random);
        int start = e.type() == AnswerType.SPAN ? context.moved(e.answerStart()) : e.answerStart();
        return new ReaderExample(e.id(), question, context.text(), e.type(), start, e.answerText(), e.answers(), e.dataset());
    }

    /** A text with replacements, and the length change of each one at its original offset. */
    private record Replaced(String text, List<int[]> shifts) {

        /** Where original offset {@code at} now is. */
        int moved(int at) {
            int shift = 0;
            for (int[] s : shifts) {
                if (s[0] < at) {
                    shift += s[1];
                }
            }
            return at + shift;
        }
    }

    private Replaced replace(String text, int protectFrom, int protectTo, Random random) {
        StringBuilder out = new StringBuilder(text.length());
        List<int[]> shifts = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        int copied = 0;
        while (m.find()) {
            boolean protectedWord = m.start() < protectTo && m.end() > protectFrom;
            if (protectedWord || random.nextDouble() >= SHARE) {
                continue;
            }
            List<String> candidates = neighbours(m.group().toLowerCase(Locale.ROOT));
            if (candidates.isEmpty()) {
                continue;
            }
            String replacement = cased(candidates.get(random.nextInt(candidates.size())), m.group());
            out.append(text, copied, m.start()).append(replacement);
            copied = m.end();
            shifts.add(new int[] {m.start(), replacement.length() - m.group().length()});
        }
        out.append(text, copied, text.length());
        return new Replaced(out.toString(), shifts);
    }

    /** {@code word} in the capitalization of {@code like}: all capitals, a capital first, or lower case. */
    static String cased(String word, String like) {
        if (like.length() > 1 && like.equals(like.toUpperCase(Locale.ROOT))) {
            return word.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(like.charAt(0))) {
            return Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }
        return word;
    }
}
