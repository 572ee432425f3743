package compactqa.index;

/**
 * Hears how an index build or add is going. Called from the building thread, at most every few
 * hundred milliseconds, so implementations may print.
 */
@FunctionalInterface
public interface BuildListener {

    BuildListener NONE = (indexed, duplicates) -> { };

    /**
     * @param indexed    documents written so far
     * @param duplicates documents skipped so far because an identical paragraph (same title and
     *                   text) was already in the index
     */
    void onProgress(long indexed, long duplicates);
}
