package compactqa.dataset;

import static compactqa.dataset.RecordFields.distinct;
import static compactqa.dataset.RecordFields.flag;
import static compactqa.dataset.RecordFields.optionalArray;
import static compactqa.dataset.RecordFields.strings;
import static compactqa.dataset.RecordFields.text;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import compactqa.corpus.Document;
import compactqa.corpus.SentenceSplitter;

/**
 * Official MuSiQue records:
 * {@code id, question, answer, answer_aliases[], answerable, paragraphs[]{idx, title, paragraph_text, is_supporting}, question_decomposition[]}.
 *
 * <p>The answers are the answer then its aliases, without repeats. The type is the id's prefix
 * before {@code __} ({@code 2hop}, {@code 3hop1}, ...). Records with {@code answerable: false}
 * (MuSiQue-Full's unanswerable contrast questions, whose gold answer is not supported by their
 * paragraphs) are left out of the questions and counted as skipped; their paragraphs still count
 * as corpus paragraphs ({@link #paragraphs}). The paragraphs keep their order; their {@code idx}
 * numbers them within the question, so they take their content key as id. Titles repeat within a
 * question (two paragraphs of one article), so support is by paragraph, and the supporting titles
 * are only the distinct titles of the supporting paragraphs.
 */
record MusiqueParser(SentenceSplitter splitter) implements ExampleParser {

    @Override
    public Stream<QaExample> parse(JsonNode record, long recordIndex, String source, LongAdder skipped) {
        String id = text(record, "id");
        String question = text(record, "question");
        if (!flag(record, "answerable", true)) {
            skipped.increment();
            return Stream.empty();
        }
        List<String> answers = new ArrayList<>();
        answers.add(text(record, "answer"));
        answers.addAll(strings(optionalArray(record, "answer_aliases"), "answer_aliases"));
        SupportedParagraphs context = SupportedParagraphs.read(record, "paragraphs", splitter, source);
        int hops = id.indexOf("__");
        String type = hops > 0 ? id.substring(0, hops) : "";
        return Stream.of(new QaExample(id, question, distinct(answers), type,
                context.paragraphs(), context.supporting(), context.titles(), List.of(), List.of(), DatasetFormat.MUSIQUE.label()));
    }

    @Override
    public Stream<Document> paragraphs(JsonNode record, long recordIndex, String source) {
        return SupportedParagraphs.documents(record, "paragraphs", splitter, source);
    }
}
