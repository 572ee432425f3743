package compactqa.dataset;

import static compactqa.dataset.RecordFields.array;
import static compactqa.dataset.RecordFields.distinct;
import static compactqa.dataset.RecordFields.documents;
import static compactqa.dataset.RecordFields.flag;
import static compactqa.dataset.RecordFields.text;
import static compactqa.dataset.RecordFields.texts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import compactqa.corpus.Document;
import compactqa.corpus.SentenceSplitter;

/**
 * DPR-style NQ-open records with their passages: {@code question, answers[], ctxs[]{title, text, hasanswer, isgold}}
 * ({@code has_answer}, DPR's own spelling, is read too; {@code nq_annotated_gold} and other fields
 * are ignored).
 *
 * <p>The records carry no id, so a question's id is {@code nq-} followed by its record index in
 * the file (from 0; the line number in a JSONL file without blank lines): stable for a given file,
 * and unique in it even where a question text repeats. The supporting passages are those marked
 * {@code isgold}, or, where none is, those marked {@code hasanswer}. Passages take their content
 * key as id, and are split into sentences here. The format names no question type.
 */
record NqOracleParser(SentenceSplitter splitter) implements ExampleParser {

    /** Prefix of the ids given to NQ questions. */
    static final String ID_PREFIX = "nq-";



    @Override
    public Stream<QaExample> parse(JsonNode record, long recordIndex, String source, LongAdder skipped) {
        String question = text(record, "question");
        List<String> answers = distinct(texts(record, "answers"));
        JsonNode ctxs = array(record, "ctxs");
        List<Document> paragraphs = new ArrayList<>(ctxs.size());
        List<Integer> gold = new ArrayList<>();
        List<Integer> withAnswer = new ArrayList<>();
        for (JsonNode ctx : ctxs) {
            if (flag(ctx, "isgold", false)) {
                gold.add(paragraphs.size());
            }
            if (flag(ctx, "hasanswer", false) || flag(ctx, "has_answer", false)) {
                withAnswer.add(paragraphs.size());
            }
            paragraphs.add(paragraph(ctx, source));
        }
        List<Integer> supporting = gold.isEmpty() ? withAnswer : gold;
        List<String> titles = distinct(supporting.stream().map(i -> paragraphs.get(i).title()).toList());
        return Stream.of(new QaExample(ID_PREFIX + recordIndex, question, answers, "", paragraphs, supporting, titles,
                List.of(), List.of(), DatasetFormat.NQ_ORACLE.label()));
    }

    @Override
    public Stream<Document> paragraphs(JsonNode record, long recordIndex, String source) {
        return documents(record, "ctxs", ctx -> paragraph(ctx, source));
    }

    private Document paragraph(JsonNode ctx, String source) {
        return splitter.document(null, text(ctx, "title", ""), text(ctx, "text"), source);
    }
}
