package compactqa.index;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.lucene.search.ScoreDoc;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): a paragraph scores the sum over the
 * rankings that hold it of {@code weight / (c + rank)}. It needs no calibration between BM25's
 * unbounded scores and cosines, which is why it is the usual first fusion of sparse and dense
 * retrieval.
 *
 * @param c           the rank offset; larger values flatten the difference between top ranks
 * @param denseWeight the weight of the dense ranking, the BM25 one weighing 1
 */
public record HybridRanking(int c, double denseWeight) {

    /** The constant of the original paper, and equal weights. */
    public static final HybridRanking DEFAULT = new HybridRanking(60, 1.0);

    public HybridRanking {
        if (c < 0) {
            throw new IllegalArgumentException("the rank offset must be at least 0, got " + c);
        }
        if (!(denseWeight >= 0) || Double.isInfinite(denseWeight)) {
            throw new IllegalArgumentException("the dense weight must be at least 0, got " + denseWeight);
        }
    }

    /** The top {@code k} of the two rankings (Lucene documents, best first) fused, the fused score as score. */
    ScoreDoc[] fuse(ScoreDoc[] bm25, ScoreDoc[] dense, int k) {
        return fuse(List.of(Arrays.asList(bm25), Arrays.asList(dense)), new double[] {1.0, denseWeight}, d -> d.doc, k).stream()
                .map(f -> new ScoreDoc(f.item().doc, (float) f.score())).toArray(ScoreDoc[]::new);
    }

    /** An item of a fused ranking and its fused score. */
    public record Fused<T>(T item, double score) {
    }

    /**
     * The top {@code k} of {@code rankings} (each best first) fused, ranking {@code r} weighing
     * {@code weights[r]}; {@code key} tells when entries of two rankings are one item, whose first
     * entry seen stands for it. Ties keep first-seen order (the sort is stable), so the first
     * ranking breaks them.
     */
    public <T> List<Fused<T>> fuse(List<List<T>> rankings, double[] weights, Function<T, ?> key, int k) {
        if (weights.length != rankings.size()) {
            throw new IllegalArgumentException("one weight per ranking is needed");
        }
        Map<Object, T> first = new LinkedHashMap<>();
        Map<Object, Double> scores = new LinkedHashMap<>();
        for (int r = 0; r < rankings.size(); r++) {
            List<T> ranking = rankings.get(r);
            for (int i = 0; i < ranking.size(); i++) {
                Object id = key.apply(ranking.get(i));
                first.putIfAbsent(id, ranking.get(i));
                scores.merge(id, weights[r] / (c + i + 1), Double::sum);
            }
        }
        return scores.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<Object, Double> e) -> e.getValue()).reversed())
                .limit(k)
                .map(e -> new Fused<>(first.get(e.getKey()), e.getValue()))
                .toList();
    }
}
