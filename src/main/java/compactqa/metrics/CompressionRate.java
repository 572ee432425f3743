package compactqa.metrics;

/** How much the reader was spared: the documents' tokens over the tokens it read. */
public final class CompressionRate {

    private CompressionRate() {
    }

    /** {@code documentTokens / evidenceTokens}; 0 when nothing was read, a rate JSON can carry. */
    public static double of(long documentTokens, long evidenceTokens) {
        return evidenceTokens == 0 ? 0 : (double) documentTokens / evidenceTokens;
    }
}
