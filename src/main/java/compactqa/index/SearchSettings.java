package compactqa.index;

/**
 * How queries are scored; applied at search time, so changing them needs no rebuild (dense and
 * hybrid retrieval need an index built with paragraph vectors).
 *
 * @param titleBoost weight of a query term matching the title relative to matching the text;
 *                   0 searches the text alone
 * @param k1         BM25 term frequency saturation, at least 0
 * @param b          BM25 length normalization, in [0, 1]
 * @param retrieval  BM25, dense or both fused
 * @param fusion     how hybrid retrieval fuses the two rankings
 */
public record SearchSettings(double titleBoost, float k1, float b, Retrieval retrieval, HybridRanking fusion) {

    public SearchSettings {
        if (titleBoost < 0 || Double.isNaN(titleBoost)) {
            throw new IllegalArgumentException("title boost must be at least 0, got " + titleBoost);
        }
        if (k1 < 0 || Float.isNaN(k1)) {
            throw new IllegalArgumentException("BM25 k1 must be at least 0, got " + k1);
        }
        if (b < 0 || b > 1 || Float.isNaN(b)) {
            throw new IllegalArgumentException("BM25 b must be in [0, 1], got " + b);
        }
        if (retrieval == null || fusion == null) {
            throw new IllegalArgumentException("retrieval and fusion must be given");
        }
    }

    /** BM25 alone. */
    public SearchSettings(double titleBoost, float k1, float b) {
        this(titleBoost, k1, b, Retrieval.BM25, HybridRanking.DEFAULT);
    }

    /** These settings retrieving by {@code retrieval}. */
    public SearchSettings with(Retrieval retrieval) {
        return new SearchSettings(titleBoost, k1, b, retrieval, fusion);
    }
}
