package compactqa.index;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import compactqa.corpus.Document;
import compactqa.corpus.SentenceSplitter;

/** Small corpora for index tests. */
final class IndexTestCorpus {

    static final SentenceSplitter SPLITTER = new SentenceSplitter();

    /** Lucene's own BM25 parameters, titles weighted as text: the expectations in the tests assume these. */
    static final SearchSettings SETTINGS = new SearchSettings(1.0, 1.2f, 0.75f);

    private IndexTestCorpus() {
    }

    static List<Document> three() {
        return List.of(
                SPLITTER.document("lucene", "Apache Lucene", "Apache Lucene is a search library written in Java. It ranks documents with BM25.", "t"),
                SPLITTER.document("tower", "Eiffel Tower", "The Eiffel Tower is a lattice tower in Paris. It was built for the 1889 World's Fair.", "t"),
                SPLITTER.document("eiffel", "Gustave Eiffel", "Gustave Eiffel was a French engineer. His company built the tower in Paris.", "t"));
    }

    /** {@code n} distinct synthetic paragraphs. */
    static Stream<Document> synthetic(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Document("syn-" + i, "Topic " + i,
                "Paragraph number " + i + " talks about item" + (i % 97) + " and thing" + (i % 13) + ".", List.of(), "synthetic"));
    }
}
