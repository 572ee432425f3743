package compactqa.index;

/**
 * What a build or incremental add did.
 *
 * @param generation    the generation written, for example {@code gen-000003}
 * @param indexed       documents written
 * @param duplicates    documents skipped as identical to one already indexed (same title and text)
 * @param renamedIds    documents whose id was already taken by a different paragraph, indexed
 *                      under {@code id#contentKey} instead
 * @param totalDocs     documents in the index afterwards
 * @param seconds       wall time, reading the corpus included
 * @param diskBytes     size of the generation on disk afterwards
 * @param analyzer      the analyzer the index uses
 */
public record BuildStats(String generation, long indexed, long duplicates, long renamedIds, long totalDocs,
                         double seconds, long diskBytes, AnalyzerChoice analyzer) {

    /** Documents read (written or skipped) per second. */
    public double docsPerSecond() {
        return seconds > 0 ? (indexed + duplicates) / seconds : 0;
    }
}
