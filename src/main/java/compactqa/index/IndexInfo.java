package compactqa.index;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A description of a live index, for {@code qa index stats} and health checks.
 *
 * @param generation    the live generation's name, such as {@code gen-000003}
 * @param documents     live documents
 * @param deleted       deleted documents not yet merged away
 * @param segments      Lucene segments
 * @param diskBytes     size on disk
 * @param analyzer      the analyzer it was built with
 * @param created       when its generation was built (ISO-8601)
 * @param sources       documents per source, by source name
 */
public record IndexInfo(String generation, long documents, long deleted, int segments, long diskBytes,
                        AnalyzerChoice analyzer, String created, Map<String, Long> sources) {

    public IndexInfo {
        sources = Collections.unmodifiableSortedMap(new TreeMap<>(sources));
    }
}
