package compactqa.eval;

import java.util.List;
import java.util.Set;

import compactqa.corpus.Document;
import compactqa.dataset.QaExample;
import compactqa.qa.Retriever;

/** One way of answering in the QA benchmark: ours, or a baseline. */
interface QaMethod {

    /** The methods the benchmark compares ({@link QaMethods}); results name them by {@link #label()}. */
    enum Kind {
        ACTIVE, SINGLE_PASS, RAW, ORACLE;

        /** The name results and the report use: {@code active}, {@code single_pass}, {@code raw}, {@code oracle}. */
        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Answers {@code question} from {@code documents} (in reading order), whose retrieval scores are
     * {@code scores}; a method that retrieves again may search {@code retriever} (null: no second
     * search) for up to {@code hops} searches in all.
     */
    Outcome answer(QaExample question, List<Document> documents, double[] scores, Retriever retriever, int hops);

    /**
     * What a method did for one question.
     *
     * @param answer         the predicted answer
     * @param sentences      the supporting sentences it used, as (title, index) facts
     * @param titles         the titles of the documents it used
     * @param evidenceTokens tokens the reader read
     * @param steps          compression steps taken
     * @param compressionMs  milliseconds compressing
     * @param readerMs       milliseconds reading
     */
    record Outcome(String answer, Set<QaExample.SupportingFact> sentences, Set<String> titles, int evidenceTokens, int steps,
                   double compressionMs, double readerMs) {
    }
}
