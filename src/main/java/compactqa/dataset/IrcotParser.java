package compactqa.dataset;

import static compactqa.dataset.RecordFields.array;
import static compactqa.dataset.RecordFields.distinct;
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
 * IRCoT's processed format (HotpotQA, 2WikiMultihopQA and MuSiQue alike):
 * {@code question_id, question_text, answers_objects[].spans[], contexts[]{id, title, paragraph_text, is_supporting}}.
 *
 * <p>The answers are every span of every answer object, without repeats, in order. Paragraph texts
 * are split into sentences here; support is known per paragraph only, so there are no supporting
 * facts. The contexts' {@code id}s number them within the question, so paragraphs take their
 * content key as id. The format names no question type. Extra fields ({@code pinned_contexts},
 * {@code reasoning_steps}, ...) are ignored.
 */
record IrcotParser(SentenceSplitter splitter) implements ExampleParser {

    @Override
    public Stream<QaExample> parse(JsonNode record, long recordIndex, String source, LongAdder skipped) {
        String id = text(record, "question_id");
        String question = text(record, "question_text");
        List<String> spans = new ArrayList<>();
        for (JsonNode answer : array(record, "answers_objects")) {
            spans.addAll(texts(answer, "spans"));
        }
        SupportedParagraphs context = SupportedParagraphs.read(record, "contexts", splitter, source);
        return Stream.of(new QaExample(id, question, distinct(spans), "",
                context.paragraphs(), context.supporting(), context.titles(), List.of(), List.of(), DatasetFormat.IRCOT.label()));
    }

    @Override
    public Stream<Document> paragraphs(JsonNode record, long recordIndex, String source) {
        return SupportedParagraphs.documents(record, "contexts", splitter, source);
    }
}
