package compactqa.dataset;

import static compactqa.dataset.RecordFields.array;
import static compactqa.dataset.RecordFields.distinct;
import static compactqa.dataset.RecordFields.flag;
import static compactqa.dataset.RecordFields.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import compactqa.corpus.CorpusException;
import compactqa.corpus.Document;
import compactqa.corpus.SentenceSplitter;
import compactqa.dataset.QaExample.AnswerSpan;

/**
 * One article of an official SQuAD file ({@code data[]} of v1.1 or v2.0):
 * {@code title, paragraphs[]{context, qas[]{id, question, answers[]{text, answer_start}, is_impossible}}}.
 *
 * <p>Each question becomes an example whose only paragraph is its context (title: the article title
 * with underscores read as spaces; id: its content key), split into sentences once and shared by
 * the context's questions. The answers are the distinct answer texts in order; the answer spans
 * are the distinct (offset, text) pairs, each checked against the context: an offset that does not
 * hold its text fails loudly, naming the question. SQuAD 2.0's {@code is_impossible} questions are
 * left out and counted as skipped; their contexts still count as corpus paragraphs.
 */
record SquadParser(SentenceSplitter splitter) implements ExampleParser {

    @Override
    public Stream<QaExample> parse(JsonNode article, long recordIndex, String source, LongAdder skipped) {
        String title = title(article);
        List<QaExample> examples = new ArrayList<>();
        for (JsonNode paragraph : array(article, "paragraphs")) {
            Document context = context(paragraph, title, source);
            for (JsonNode qa : array(paragraph, "qas")) {
                if (flag(qa, "is_impossible", false)) {
                    skipped.increment();
                } else {
                    examples.add(example(qa, title, context));
                }
            }
        }
        return examples.stream();
    }

    @Override
    public Stream<Document> paragraphs(JsonNode article, long recordIndex, String source) {
        String title = title(article);
        List<Document> contexts = new ArrayList<>();
        array(article, "paragraphs").forEach(paragraph -> contexts.add(context(paragraph, title, source)));
        return contexts.stream();
    }

    private static QaExample example(JsonNode qa, String title, Document context) {
        String id = text(qa, "id");
        String question = text(qa, "question");
        List<String> answers = new ArrayList<>();
        Set<AnswerSpan> spans = new LinkedHashSet<>();
        for (JsonNode answer : array(qa, "answers")) {
            String text = text(answer, "text");
            JsonNode start = answer.get("answer_start");
            if (start == null || !start.isIntegralNumber()) {
                throw new CorpusException("question " + id + ": answer '" + text + "' has no integer answer_start");
            }
            int offset = charOffset(context.text(), start.intValue());
            if (offset < 0 || !context.text().startsWith(text, offset)) {
                throw new CorpusException("question " + id + ": answer '" + text + "' is not at offset " + offset
                        + " of its context");
            }
            answers.add(text);
            spans.add(new AnswerSpan(0, offset, text));
        }
        if (answers.isEmpty()) {
            throw new CorpusException("question " + id + " has no answers and is not marked is_impossible");
        }
        return new QaExample(id, question, distinct(answers), "", List.of(context), List.of(0), List.of(title),
                List.of(), List.copyOf(spans), DatasetFormat.SQUAD.label());
    }

    /**
     * The {@code char} index of code point {@code codePoints} in {@code text}, or -1 past its end:
     * official SQuAD files count offsets in Unicode code points (Python string indices), which differ
     * from Java's UTF-16 indices after a character outside the Basic Multilingual Plane.
     */
    static int charOffset(String text, int codePoints) {
        if (codePoints < 0 || codePoints > text.codePointCount(0, text.length())) {
            return -1;
        }
        return text.offsetByCodePoints(0, codePoints);
    }

    private Document context(JsonNode paragraph, String title, String source) {
        return splitter.document(null, title, text(paragraph, "context"), source);
    }

    private static String title(JsonNode article) {
        return text(article, "title", "").replace('_', ' ');
    }
}
