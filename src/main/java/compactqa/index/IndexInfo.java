package compactqa.index;

import java.util.Map;

/**
 * A description of a live index, for {@code qa index stats} and health checks.
 *
 * @param path          the generation directory
 * @param documents     live documents
 * @param deleted       deleted documents not yet merged away
 * @param segments      Lucene segments
 * @param diskBytes     size on disk
 * @param analyzer      the analyzer it was built with
 * @param created       when its generation was built (ISO-8601)
 * @param sources       documents per source
 */
public record IndexInfo(String path, long documents, long deleted, int segments, long diskBytes,
                        AnalyzerChoice analyzer, String created, Map<String, Long> sources) {

    public IndexInfo {
        sources = Map.copyOf(sources);
    }
}
