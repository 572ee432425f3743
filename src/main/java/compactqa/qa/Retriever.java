package compactqa.qa;

import java.util.List;

import compactqa.corpus.Document;
import compactqa.index.SearchHit;

/** Where a second hop finds more documents: the index, searched with a query the loop makes. */
@FunctionalInterface
public interface Retriever {

    /** The documents for {@code query}, best first, with their retrieval scores. */
    Retrieved search(String query);

    /** Documents with their scores, aligned. */
    record Retrieved(List<Document> documents, double[] scores) {

        /** Search hits as documents and scores. */
        public static Retrieved of(List<SearchHit> hits) {
            return new Retrieved(hits.stream().map(SearchHit::document).toList(), hits.stream().mapToDouble(SearchHit::score).toArray());
        }
    }
}
