package compactqa.eval;

/**
 * {@code metrics.json} of a compressor, as {@code qa eval compressor} measures it: paragraph recall
 * at 2 (both supporting paragraphs among the two chosen) on HotpotQA dev-500, and sentence-level
 * supporting-fact scores on the labeled HotpotQA sample.
 *
 * @param weightsSha256 the SHA-256 of the weights measured, so that figures of older weights are
 *                      recognized as stale
 */
public record CompressorMetrics(
        String command, String commit, String date, String java, int cpus, String weightsSha256,
        double hotpotqaDev500SpParaRecallAt2, double hotpotqaDev500SpParaRecallAt2TwoStep, int hotpotqaDev500Questions,
        double hotpotqaSample103SpSentF1, double hotpotqaSample103SpSentEm, double hotpotqaSample103SpSentPrecision,
        double hotpotqaSample103SpSentRecall, double hotpotqaSample103SpParaRecallAt2, int hotpotqaSample103Questions,
        double msPerQuestion,
        double hotpotqaDev500SpParaRecallAt2Active, double hotpotqaSample103SpSentF1Active, double hotpotqaSample103SpSentEmActive,
        double hotpotqaSample103SpSentPrecisionActive, double hotpotqaSample103SpSentRecallActive,
        double hotpotqaSample103SpParaRecallAt2Active, boolean evidenceSelection) {
}
