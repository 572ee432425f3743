package compactqa.eval;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import compactqa.corpus.Document;
import compactqa.index.InvalidQueryException;
import compactqa.index.ParagraphSearcher;
import compactqa.metrics.Latencies;

/**
 * Query latency of a built index, BM25 and hybrid alike: each query is a handful of words drawn
 * from a paragraph drawn at random (the corpus at scale is generated, so no real questions go with
 * it), searched one at a time for the top {@code k} without snippets, after a warm-up on other
 * queries that is not counted. Every method answers the same queries, interleaved and in turns
 * first, so that neither always finds the other's caches warm and a slow spell of the machine falls
 * on all. The hybrid query vector here comes from the embedder the index was built with; with
 * generated vectors that costs microseconds, where a real encoder adds its own milliseconds.
 */
public final class IndexScaleBenchmark {

    /** Words a query takes from its paragraph: about a question's length. */
    static final int QUERY_WORDS = 8;
    public static final int WARM_UP = 50;

    private IndexScaleBenchmark() {
    }

    /** The latencies of one method, in milliseconds. */
    public record MethodLatency(double p50, double p95, double mean) {
        static MethodLatency of(List<Double> millis) {
            Latencies l = Latencies.of(millis);
            return new MethodLatency(round(l.percentile(0.5)), round(l.percentile(0.95)), round(l.mean()));
        }
    }

    /** What one run measured: per method (in the order given), and the queries that had searchable words. */
    public record Measured(List<MethodLatency> methods, int queries) {
    }

    /** The queries for a sample of the index's paragraphs, drawn with {@code seed}. */
    public static List<String> queries(ParagraphSearcher searcher, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed).split(); // the words apart from the paragraphs drawn
        List<String> queries = new ArrayList<>(n);
        for (Document d : searcher.sample(n, seed)) {
            String[] words = Arrays.stream(d.text().split("[^\\p{L}\\p{N}]+")).filter(w -> w.length() > 2).toArray(String[]::new);
            if (words.length == 0) {
                continue;
            }
            StringBuilder q = new StringBuilder(d.title());
            for (int i = 0; i < QUERY_WORDS - 1; i++) {
                q.append(' ').append(words[random.nextInt(words.length)]);
            }
            queries.add(q.toString());
        }
        return queries;
    }

    /** Runs the warm-up queries uncounted, then every query on every searcher, {@code k} hits each. */
    public static Measured run(List<ParagraphSearcher> methods, List<String> warmUp, List<String> queries, int k, PrintWriter log) {
        for (String q : warmUp) {
            for (ParagraphSearcher s : methods) {
                search(s, q, k);
            }
        }
        List<List<Double>> millis = new ArrayList<>();
        methods.forEach(m -> millis.add(new ArrayList<>()));
        int answered = 0;
        long start = System.nanoTime();
        for (int i = 0; i < queries.size(); i++) {
            double[] took = new double[methods.size()];
            boolean searchable = true;
            for (int turn = 0; turn < methods.size() && searchable; turn++) {
                int m = (turn + i) % methods.size();
                long t = System.nanoTime();
                searchable = search(methods.get(m), queries.get(i), k);
                took[m] = (System.nanoTime() - t) / 1e6;
            }
            if (searchable) { // only stop words: no method searches it, and none is timed on it
                for (int m = 0; m < methods.size(); m++) {
                    millis.get(m).add(took[m]);
                }
                answered++;
            }
            if ((i + 1) % 200 == 0) {
                double seconds = (System.nanoTime() - start) / 1e9;
                log.printf(Locale.ROOT, "queries %,d/%,d, %.1f/s, ETA %.0f s%n", i + 1, queries.size(), (i + 1) / seconds,
                        seconds / (i + 1) * (queries.size() - i - 1));
                log.flush();
            }
        }
        return new Measured(millis.stream().map(MethodLatency::of).toList(), answered);
    }

    private static boolean search(ParagraphSearcher searcher, String query, int k) {
        try {
            searcher.search(query, k, false);
            return true;
        } catch (InvalidQueryException e) {
            return false;
        }
    }

    static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
