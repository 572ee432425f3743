package compactqa.eval;

/**
 * {@code metrics.json} of a compressor, as {@code qa eval compressor} measures it: paragraph recall
 * at 2 (both supporting paragraphs among the two chosen) on HotpotQA dev-500, and sentence-level
 * supporting-fact scores on the labeled HotpotQA sample.
 */
public record CompressorMetrics(
        String command, String commit, String date, String java, int cpus,
        double hotpotqaDev500SpParaRecallAt2, double hotpotqaDev500SpParaRecallAt2OnePass, int hotpotqaDev500Questions,
        double hotpotqaSample103SpSentF1, double hotpotqaSample103SpSentEm, double hotpotqaSample103SpSentPrecision,
        double hotpotqaSample103SpSentRecall, double hotpotqaSample103SpParaRecallAt2, int hotpotqaSample103Questions,
        double msPerQuestion) {
}
