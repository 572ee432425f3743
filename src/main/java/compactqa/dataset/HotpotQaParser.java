package compactqa.dataset;

import static compactqa.dataset.RecordFields.array;
import static compactqa.dataset.RecordFields.strings;
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
import compactqa.dataset.QaExample.SupportingFact;

/**
 * Official HotpotQA and 2WikiMultihopQA records, which share their layout:
 * {@code _id, question, answer, type, supporting_facts [[title, sent_idx]], context [[title, [sentences]]]}.
 *
 * <p>Each context entry becomes a paragraph whose sentences are exactly the listed ones, empty ones
 * included, so that supporting facts index them; facts are kept as given, even the few whose index
 * lies past the end of their paragraph (2Wiki has some). The supporting titles are the facts'
 * distinct titles in order, and the supporting paragraphs every context paragraph bearing one of
 * them: in the fullwiki setting the gold paragraphs are often missing from the context, so there
 * may be fewer (or, with repeated titles in 2Wiki, more) indices than titles. 2Wiki's
 * {@code evidences} and every other field are ignored.
 *
 * @param format {@link DatasetFormat#HOTPOTQA} or {@link DatasetFormat#TWOWIKI}, the name examples record
 */
record HotpotQaParser(DatasetFormat format) implements ExampleParser {

    @Override
    public Stream<QaExample> parse(JsonNode record, long recordIndex, String source, LongAdder skipped) {
        String id = record.has("_id") ? text(record, "_id") : text(record, "id");
        String question = text(record, "question");
        String answer = text(record, "answer");
        String type = text(record, "type", "");
        List<Document> paragraphs = context(record, source);

        List<SupportingFact> facts = new ArrayList<>();
        for (JsonNode fact : array(record, "supporting_facts")) {
            if (!fact.isArray() || fact.size() < 2 || !fact.get(0).isTextual() || !fact.get(1).isIntegralNumber() || !fact.get(1).canConvertToInt()
                    || fact.get(1).intValue() < 0) {
                throw new CorpusException("question " + id + ": supporting fact " + fact + " is not [title, sentence index]");
            }
            facts.add(new SupportingFact(fact.get(0).asText(), fact.get(1).intValue()));
        }
        Set<String> titles = new LinkedHashSet<>();
        facts.forEach(f -> titles.add(f.title()));
        List<Integer> supporting = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            if (titles.contains(paragraphs.get(i).title())) {
                supporting.add(i);
            }
        }
        return Stream.of(new QaExample(id, question, List.of(answer), type, paragraphs, supporting,
                List.copyOf(titles), facts, List.of(), format.label()));
    }

    @Override
    public Stream<Document> paragraphs(JsonNode record, long recordIndex, String source) {
        return context(record, source).stream();
    }

    private static List<Document> context(JsonNode record, String source) {
        JsonNode context = array(record, "context");
        List<Document> paragraphs = new ArrayList<>(context.size());
        for (JsonNode entry : context) {
            if (!entry.isArray() || entry.size() < 2 || !entry.get(0).isTextual() || !entry.get(1).isArray()) {
                throw new CorpusException("context entry is not [title, [sentences]]: " + abbreviate(entry));
            }
            String title = entry.get(0).asText();
            paragraphs.add(Document.fromSentences(null, title, strings(entry.get(1), "context"), source));
        }
        return paragraphs;
    }

    private static String abbreviate(JsonNode node) {
        String s = node.toString();
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }
}
