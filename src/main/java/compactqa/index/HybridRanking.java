package compactqa.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        Map<Integer, double[]> scores = new LinkedHashMap<>();
        add(scores, bm25, 1.0);
        add(scores, dense, denseWeight);
        List<Map.Entry<Integer, double[]>> fused = new ArrayList<>(scores.entrySet());
        // ties keep first-seen order, BM25's first: the sort is stable
        fused.sort(Comparator.comparingDouble((Map.Entry<Integer, double[]> e) -> e.getValue()[0]).reversed());
        ScoreDoc[] top = new ScoreDoc[Math.min(k, fused.size())];
        for (int i = 0; i < top.length; i++) {
            top[i] = new ScoreDoc(fused.get(i).getKey(), (float) fused.get(i).getValue()[0]);
        }
        return top;
    }

    private void add(Map<Integer, double[]> scores, ScoreDoc[] ranking, double weight) {
        for (int i = 0; i < ranking.length; i++) {
            scores.computeIfAbsent(ranking[i].doc, d -> new double[1])[0] += weight / (c + i + 1);
        }
    }
}
