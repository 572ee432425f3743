package compactqa.dataset;

import static compactqa.dataset.RecordFields.array;
import static compactqa.dataset.RecordFields.distinct;
import static compactqa.dataset.RecordFields.flag;
import static compactqa.dataset.RecordFields.text;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import compactqa.corpus.Document;
import compactqa.corpus.SentenceSplitter;

/**
 * A question's context paragraphs as IRCoT and MuSiQue give them: each marked
 * {@code is_supporting} or not, support known per paragraph only.
 *
 * @param paragraphs every paragraph, in file order
 * @param supporting the positions of the supporting ones
 * @param titles     the distinct titles of the supporting ones (a title can repeat within a question)
 */
record SupportedParagraphs(List<Document> paragraphs, List<Integer> supporting, List<String> titles) {

    /**
     * The paragraphs {@code {title, paragraph_text, is_supporting}} in the array {@code field} of
     * {@code record}, split into sentences, with their content key as id (the formats number them
     * within the question only).
     */
    static SupportedParagraphs read(JsonNode record, String field, SentenceSplitter splitter, String source) {
        JsonNode items = array(record, field);
        List<Document> paragraphs = new ArrayList<>(items.size());
        List<Integer> supporting = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (JsonNode item : items) {
            Document d = paragraph(item, splitter, source);
            if (flag(item, "is_supporting", false)) {
                supporting.add(paragraphs.size());
                titles.add(d.title());
            }
            paragraphs.add(d);
        }
        return new SupportedParagraphs(paragraphs, supporting, distinct(titles));
    }

    /** Only the paragraphs, as {@link #read} reads them. */
    static Stream<Document> documents(JsonNode record, String field, SentenceSplitter splitter, String source) {
        return RecordFields.documents(record, field, item -> paragraph(item, splitter, source));
    }

    private static Document paragraph(JsonNode item, SentenceSplitter splitter, String source) {
        return splitter.document(null, text(item, "title", ""), text(item, "paragraph_text"), source);
    }
}
