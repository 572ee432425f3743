package compactqa.corpus;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Paragraphs with the statistics of a real corpus, in any number: for measuring an index at
 * Wikipedia's size (HotpotQA's open setting reads 5.2 million abstracts) where only thousands of
 * real paragraphs are at hand. What decides an inverted index's size and speed is how many words a
 * paragraph has, how often each word occurs and how many distinct words there are, so the model
 * keeps exactly these, fitted on a sample:
 * <ul>
 * <li>paragraph lengths in words, drawn from the sample's own lengths;</li>
 * <li>word frequencies by Zipf's law, {@code p(r) ∝ 1/r^s}, its exponent fitted on the sample's
 * rank-frequency curve; the top ranks are the sample's own words in frequency order;</li>
 * <li>the vocabulary's growth by Heaps' law, {@code V = K·N^β} (N tokens), fitted on two
 * prefixes of the sample; words past the sample's vocabulary are made-up, pronounceable and
 * distinct (a larger corpus has more names).</li>
 * </ul>
 * Words are drawn independently, so phrases and topics are not realistic: the model is for sizes
 * and latencies, never for quality. Deterministic for a seed.
 */
public final class SyntheticCorpus {

    private static final String CONSONANTS = "bcdfghjklmnprstvwxyz";
    private static final String VOWELS = "aeiou";
    private static final int MADE_UP_LETTERS = 7;
    /** Made-up words there are: consonant, vowel, consonant ... over the letters. */
    private static final long MADE_UP = (long) Math.pow(CONSONANTS.length(), (MADE_UP_LETTERS + 1) / 2)
            * (long) Math.pow(VOWELS.length(), MADE_UP_LETTERS / 2);
    private static final int SENTENCE_WORDS = 22;

    private final int[] lengths;
    private final List<String> words;
    private final double zipf;
    private final double heapsK;
    private final double heapsBeta;

    /**
     * @param lengths   the sample's paragraph lengths in words
     * @param words     the sample's words, most frequent first
     * @param zipf      Zipf's exponent {@code s}
     * @param heapsK    Heaps' {@code K}
     * @param heapsBeta Heaps' {@code β}
     */
    SyntheticCorpus(int[] lengths, List<String> words, double zipf, double heapsK, double heapsBeta) {
        if (lengths.length == 0 || words.isEmpty()) {
            throw new IllegalArgumentException("the sample has no words");
        }
        this.lengths = lengths.clone();
        this.words = List.copyOf(words);
        this.zipf = zipf;
        this.heapsK = heapsK;
        this.heapsBeta = heapsBeta;
    }

    /**
     * The model of the paragraphs of {@code sample} (a few thousand paragraphs at least, for stable
     * fits). Repeated paragraphs count once, and the sample is shuffled (with a fixed seed) before
     * the vocabulary's growth is read, so that files read one after another do not bend the curve.
     */
    public static SyntheticCorpus fit(Stream<Document> sample) {
        Map<String, Document> distinct = new LinkedHashMap<>();
        sample.forEach(d -> distinct.putIfAbsent(d.contentKey(), d));
        List<Document> docs = new ArrayList<>(distinct.values());
        Collections.shuffle(docs, new Random(1));
        List<Integer> lengths = new ArrayList<>();
        Map<String, int[]> counts = new HashMap<>();
        List<long[]> growth = new ArrayList<>(); // (tokens, distinct words) after each paragraph
        long tokens = 0;
        for (Document d : docs) {
            String[] ws = words(d.text());
            if (ws.length == 0) {
                continue;
            }
            lengths.add(ws.length);
            for (String w : ws) {
                counts.computeIfAbsent(w, k -> new int[1])[0]++;
            }
            tokens += ws.length;
            growth.add(new long[] {tokens, counts.size()});
        }
        if (growth.size() < 10) {
            throw new IllegalArgumentException("the sample needs at least ten paragraphs with words, has " + growth.size());
        }
        List<Map.Entry<String, int[]>> byCount = new ArrayList<>(counts.entrySet());
        byCount.sort((a, b) -> Integer.compare(b.getValue()[0], a.getValue()[0]));
        List<String> byRank = byCount.stream().map(Map.Entry::getKey).toList();
        double[] frequencies = byCount.stream().mapToDouble(e -> e.getValue()[0]).toArray();
        double[] heaps = heaps(growth);
        return new SyntheticCorpus(lengths.stream().mapToInt(Integer::intValue).toArray(), byRank, zipfExponent(frequencies),
                heaps[0], heaps[1]);
    }

    /** Heaps' {@code K} and {@code β}: least squares of log V on log N over the second half of the growth curve, log-spaced. */
    static double[] heaps(List<long[]> growth) {
        List<double[]> points = new ArrayList<>();
        for (double f = 0.5; f <= 1.0001; f += 0.05) {
            long[] g = growth.get((int) Math.min(growth.size() - 1, Math.round(f * growth.size()) - 1));
            points.add(new double[] {Math.log(g[0]), Math.log(g[1])});
        }
        double[] line = leastSquares(points);
        return new double[] {Math.exp(line[0]), line[1]};
    }

    /** Intercept and slope of the least-squares line through {@code points} (x, y). */
    private static double[] leastSquares(List<double[]> points) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (double[] p : points) {
            sx += p[0];
            sy += p[1];
            sxx += p[0] * p[0];
            sxy += p[0] * p[1];
        }
        int n = points.size();
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        return new double[] {(sy - slope * sx) / n, slope};
    }

    /**
     * Zipf's exponent: minus the slope of log frequency on log rank between ranks 10 and 10,000
     * (the straight part), one point per tenth of a decade so that the many low-count ranks of the
     * tail do not outweigh the head.
     */
    static double zipfExponent(double[] frequenciesByRank) {
        List<double[]> points = new ArrayList<>();
        int last = Math.min(10_000, frequenciesByRank.length);
        for (double logRank = 1; Math.pow(10, logRank) <= last; logRank += 0.1) {
            int r = (int) Math.round(Math.pow(10, logRank));
            points.add(new double[] {Math.log(r), Math.log(frequenciesByRank[r - 1])});
        }
        if (points.size() < 3) {
            return 1.0;
        }
        double slope = leastSquares(points)[1];
        return Double.isFinite(slope) ? Math.max(0.5, -slope) : 1.0;
    }

    /** The distinct words a corpus of {@code paragraphs} paragraphs is expected to hold (Heaps' law). */
    public long vocabulary(long paragraphs) {
        double tokens = paragraphs * Arrays.stream(lengths).average().orElse(0);
        return Math.max(words.size(), Math.round(heapsK * Math.pow(tokens, heapsBeta)));
    }

    /** Zipf's exponent of the model. */
    public double zipf() {
        return zipf;
    }

    /**
     * Writes {@code paragraphs} paragraphs as JSON lines {@code {id, title, text}} (ids
     * {@code syn-0}, {@code syn-1} ...), telling {@code progress} the count every 10,000.
     */
    public void write(long paragraphs, long seed, Writer out, LongConsumer progress) throws IOException {
        int vocabulary = (int) Math.min(words.size() + MADE_UP, vocabulary(paragraphs));
        double[] cumulative = new double[vocabulary];
        double sum = 0;
        for (int r = 0; r < vocabulary; r++) {
            sum += Math.pow(r + 1, -zipf);
            cumulative[r] = sum;
        }
        SplittableRandom random = new SplittableRandom(seed);
        JsonGenerator json = new JsonFactory().createGenerator(out);
        json.setRootValueSeparator(null);
        StringBuilder text = new StringBuilder();
        for (long i = 0; i < paragraphs; i++) {
            int length = lengths[random.nextInt(lengths.length)];
            text.setLength(0);
            for (int w = 0; w < length; w++) {
                String word = word(rank(cumulative, random.nextDouble() * cumulative[vocabulary - 1]));
                boolean starts = w % SENTENCE_WORDS == 0;
                if (starts && w > 0) {
                    text.append(". ");
                } else if (w > 0) {
                    text.append(' ');
                }
                text.append(starts ? capitalized(word) : word);
            }
            text.append('.');
            StringBuilder title = new StringBuilder();
            int titleWords = 1 + random.nextInt(3);
            for (int t = 0; t < titleWords; t++) {
                // titles are names: rarer words than running text
                int r = rank(cumulative, cumulative[Math.min(vocabulary - 1, 1000)]
                        + random.nextDouble() * (cumulative[vocabulary - 1] - cumulative[Math.min(vocabulary - 1, 1000)]));
                title.append(t > 0 ? " " : "").append(capitalized(word(r)));
            }
            json.writeStartObject();
            json.writeStringField("id", "syn-" + i);
            json.writeStringField("title", title.toString());
            json.writeStringField("text", text.toString());
            json.writeEndObject();
            json.writeRaw('\n');
            if ((i + 1) % 10_000 == 0) {
                json.flush();
                progress.accept(i + 1);
            }
        }
        json.flush();
        if (paragraphs % 10_000 != 0) {
            progress.accept(paragraphs);
        }
    }

    /** The word of rank {@code r}: the sample's own, then made-up ones, each distinct. */
    String word(int r) {
        if (r < words.size()) {
            return words.get(r);
        }
        // consonant-vowel letters spelling the number past the sample's words: distinct ranks, distinct words
        long n = r - words.size();
        char[] c = new char[MADE_UP_LETTERS];
        for (int i = MADE_UP_LETTERS - 1; i >= 0; i--) {
            String letters = i % 2 == 0 ? CONSONANTS : VOWELS;
            c[i] = letters.charAt((int) (n % letters.length()));
            n /= letters.length();
        }
        return new String(c) + "q"; // no made-up word is a real one, and no stemmer strips a q
    }

    private static int rank(double[] cumulative, double u) {
        int i = Arrays.binarySearch(cumulative, u);
        return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }

    private static String capitalized(String w) {
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static String[] words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}'-]+")).filter(w -> !w.isEmpty())
                .toArray(String[]::new);
    }

    /** Distinct words of {@code texts}, as the model counts them (for checking a generated corpus against its fit). */
    static Set<String> distinctWords(Stream<String> texts) {
        Set<String> out = new HashSet<>();
        texts.forEach(t -> out.addAll(Arrays.asList(words(t))));
        return out;
    }
}
