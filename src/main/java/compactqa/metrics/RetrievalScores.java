package compactqa.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Paragraph retrieval quality over a set of questions, accumulated one question at a time.
 *
 * <p>Each retrieved paragraph is known by a set of identifiers (its content key, its title) and
 * each gold paragraph by one of them; a gold paragraph is found at the first rank whose
 * identifiers include it. For a question with gold paragraphs G and a ranking r<sub>1</sub>,
 * r<sub>2</sub>, ...:
 * recall-both@k is 1 if every paragraph of G is in the top k (both, for two-hop questions);
 * recall-any@k is 1 if at least one is; reciprocal rank is 1/i for the first gold paragraph at rank
 * i within the depth searched, else 0. Each is averaged over questions. Not thread-safe.
 */
public final class RetrievalScores {

    /** The cut-offs reported. */
    public static final List<Integer> CUTOFFS = List.of(2, 5, 10, 20);

    private final long[] both = new long[CUTOFFS.size()];
    private final long[] any = new long[CUTOFFS.size()];
    private double reciprocalRanks;
    private long questions;

    /**
     * Adds one question.
     *
     * @param ranked the identifiers of each retrieved paragraph, best first
     * @param gold   one identifier per gold paragraph; must not be empty
     */
    public void add(List<Set<String>> ranked, Set<String> gold) {
        if (gold.isEmpty()) {
            throw new IllegalArgumentException("a question without gold paragraphs cannot be scored");
        }
        questions++;
        // the rank (from 1) at which each gold paragraph is first found, if it is
        List<Integer> foundAt = gold.stream()
                .map(g -> IntStream.range(0, ranked.size()).filter(i -> ranked.get(i).contains(g)).findFirst().orElse(-1) + 1)
                .filter(rank -> rank > 0)
                .sorted()
                .toList();
        for (int c = 0; c < CUTOFFS.size(); c++) {
            int cutoff = CUTOFFS.get(c);
            long found = foundAt.stream().filter(rank -> rank <= cutoff).count();
            if (found == gold.size()) {
                both[c]++;
            }
            if (found > 0) {
                any[c]++;
            }
        }
        if (!foundAt.isEmpty()) {
            reciprocalRanks += 1.0 / foundAt.get(0);
        }
    }

    public long questions() {
        return questions;
    }

    /** Recall-both at each cut-off, keyed by the cut-off as a string ("2", "5", ...). */
    public Map<String, Double> recallBoth() {
        return byCutoff(both);
    }

    /** Recall-any at each cut-off, keyed by the cut-off as a string. */
    public Map<String, Double> recallAny() {
        return byCutoff(any);
    }

    /** Mean reciprocal rank of the first gold paragraph. */
    public double mrr() {
        return questions == 0 ? 0 : round(reciprocalRanks / questions);
    }

    private Map<String, Double> byCutoff(long[] counts) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int c = 0; c < CUTOFFS.size(); c++) {
            map.put(String.valueOf(CUTOFFS.get(c)), questions == 0 ? 0 : round(counts[c] / (double) questions));
        }
        return map;
    }

    private static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
