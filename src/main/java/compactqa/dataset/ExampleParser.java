package compactqa.dataset;

import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import compactqa.corpus.CorpusException;
import compactqa.corpus.Document;

/**
 * Turns one record of a data set format into {@link QaExample}s: one per question (a SQuAD
 * article holds many, every other format one). Implementations are stateless and thread-safe, and
 * build their results eagerly: a record is small, and its errors should surface while it is
 * being parsed.
 */
interface ExampleParser {

    /**
     * The questions of one record.
     *
     * @param record      the record, a JSON object (a SQuAD article, otherwise one question)
     * @param recordIndex the record's position in its file, from 0; the source of ids for formats
     *                    whose records have none
     * @param source      the name the paragraphs record as their source
     * @param skipped     incremented once for each question left out because the data set marks it
     *                    unanswerable (MuSiQue {@code answerable: false}, SQuAD 2.0
     *                    {@code is_impossible: true})
     * @throws CorpusException if the record does not follow the format
     * @throws IllegalArgumentException if a document or example built from it is inconsistent
     */
    Stream<QaExample> parse(JsonNode record, long recordIndex, String source, LongAdder skipped);

    /**
     * The context paragraphs of one record, for building a retrieval corpus. By default those of
     * its questions in order, repeats included; formats override this to read only what it needs,
     * or to keep paragraphs whose questions are left out.
     */
    default Stream<Document> paragraphs(JsonNode record, long recordIndex, String source) {
        return parse(record, recordIndex, source, new LongAdder()).flatMap(e -> e.paragraphs().stream());
    }
}
