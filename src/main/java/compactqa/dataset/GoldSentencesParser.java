package compactqa.dataset;

import static compactqa.dataset.RecordFields.text;
import static compactqa.dataset.RecordFields.texts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import compactqa.corpus.Document;
import compactqa.dataset.QaExample.SupportingFact;

/**
 * HotpotQA's gold-sentence records: {@code question, answer, evidence[] (sentences), type, level}.
 *
 * <p>The format has no paragraphs, titles or distractors, only the gold sentences, so they are
 * represented as one untitled document of those sentences (joined as
 * {@link Document#fromSentences} does), which is the one supporting paragraph, with every sentence
 * a supporting fact {@code ("", i)}. There are no supporting titles. The records carry no id: a
 * question's id is {@code goldsents-} followed by its record index in the file (from 0).
 */
final class GoldSentencesParser implements ExampleParser {

    /** Prefix of the ids given to gold-sentence questions. */
    static final String ID_PREFIX = "goldsents-";

    @Override
    public Stream<QaExample> parse(JsonNode record, long recordIndex, String source, LongAdder skipped) {
        String question = text(record, "question");
        String answer = text(record, "answer");
        List<String> evidence = texts(record, "evidence");
        Document sentences = Document.fromSentences(null, "", evidence, source);
        List<SupportingFact> facts = new ArrayList<>(evidence.size());
        for (int i = 0; i < evidence.size(); i++) {
            facts.add(new SupportingFact("", i));
        }
        return Stream.of(new QaExample(ID_PREFIX + recordIndex, question, List.of(answer), text(record, "type", ""),
                List.of(sentences), List.of(0), List.of(), facts, List.of(), DatasetFormat.HOTPOTQA_GOLDSENTS.label()));
    }
}
