package compactqa.qa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import compactqa.corpus.Document;
import compactqa.index.AnalyzerChoice;

/**
 * Orders a handful of documents the caller gave (no index involved) by BM25 against the question,
 * with term statistics from those documents alone, so that active compression reads the likeliest
 * ones first, as it reads retrieved documents in rank order. Titles count as text. Thread-safe.
 */
public final class LexicalRanker {

    private static final double K1 = 0.9;
    private static final double B = 0.4;

    /** The documents, most relevant first; ties keep the given order. */
    public List<Document> rank(String question, List<Document> documents) {
        return rankScored(question, documents).documents();
    }

    /** Documents in reading order with their BM25 scores, aligned. */
    public record Ranked(List<Document> documents, double[] scores) {
    }

    /** The documents, most relevant first, with their scores; ties keep the given order. */
    public Ranked rankScored(String question, List<Document> documents) {
        double[] given = scores(question, documents);
        List<Integer> order = order(given);
        return new Ranked(order.stream().map(documents::get).toList(), order.stream().mapToDouble(i -> given[i]).toArray());
    }

    /** The indices of {@code scores}, best first; ties keep the given order. */
    static List<Integer> order(double[] scores) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i));
        return order;
    }

    /** Each document's BM25 score for {@code question}, in the given order. */
    public double[] scores(String question, List<Document> documents) {
        try (Analyzer analyzer = AnalyzerChoice.KSTEM.create()) {
            Set<String> query = new HashSet<>(terms(analyzer, question));
            List<Map<String, Integer>> counts = new ArrayList<>();
            Map<String, Integer> df = new HashMap<>();
            double totalLength = 0;
            for (Document d : documents) {
                Map<String, Integer> tf = new HashMap<>();
                for (String t : terms(analyzer, d.title() + " " + d.text())) {
                    tf.merge(t, 1, Integer::sum);
                }
                counts.add(tf);
                tf.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
                totalLength += tf.values().stream().mapToInt(Integer::intValue).sum();
            }
            double avg = documents.isEmpty() ? 1 : totalLength / documents.size();
            int n = documents.size();
            double[] scores = new double[n];
            for (int i = 0; i < n; i++) {
                Map<String, Integer> tf = counts.get(i);
                double length = tf.values().stream().mapToInt(Integer::intValue).sum();
                for (String t : query) {
                    int f = tf.getOrDefault(t, 0);
                    if (f > 0) {
                        double idf = Math.log(1 + (n - df.get(t) + 0.5) / (df.get(t) + 0.5));
                        scores[i] += idf * f * (K1 + 1) / (f + K1 * (1 - B + B * length / avg));
                    }
                }
            }
            return scores;
        }
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
