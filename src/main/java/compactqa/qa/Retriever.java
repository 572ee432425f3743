package compactqa.qa;

import java.util.List;

import compactqa.corpus.Document;

/** Where a second hop finds more documents: the index, searched with a query the loop makes. */
@FunctionalInterface
public interface Retriever {

    /** The documents for {@code query}, best first, with their retrieval scores. */
    Retrieved search(String query);

    /** Documents with their scores, aligned. */
    record Retrieved(List<Document> documents, double[] scores) {
    }
}
