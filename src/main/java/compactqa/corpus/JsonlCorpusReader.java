package compactqa.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The generic corpus format: one JSON object per line (or a JSON array of them) with
 * {@code text} (or Pyserini's {@code contents}), and optionally {@code id}, {@code title},
 * {@code sentences} (a list of strings whose concatenation is the text) and {@code source}.
 * Records without an id get their content key; text without sentences is split here.
 */
@ApplicationScoped
public class JsonlCorpusReader implements CorpusReader {

    private final SentenceSplitter splitter;
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    public JsonlCorpusReader(SentenceSplitter splitter) {
        this.splitter = splitter;
    }

    @Override
    public Optional<String> format(JsonShape shape) {
        boolean paragraphs = shape.isJson() && (shape.has("text") || shape.has("contents"))
                && !shape.has("question") && !shape.has("question_text");
        return paragraphs ? Optional.of("jsonl") : Optional.empty();
    }

    @Override
    public Stream<Document> read(InputStream in, JsonShape shape, String source) throws IOException {
        return JsonRecords.stream(json, in).map(node -> toDocument(node, source));
    }

    private Document toDocument(JsonNode node, String defaultSource) {
        JsonNode textNode = node.has("text") ? node.get("text") : node.get("contents");
        if (textNode == null || !textNode.isTextual()) {
            throw new CorpusException("record without a text field: " + abbreviate(node));
        }
        String id = node.hasNonNull("id") ? node.get("id").asText() : null;
        String title = node.path("title").asText("");
        String source = node.hasNonNull("source") ? node.get("source").asText() : defaultSource;
        JsonNode sentences = node.get("sentences");
        if (sentences != null && sentences.isArray()) {
            List<String> list = new ArrayList<>(sentences.size());
            sentences.forEach(s -> list.add(s.asText()));
            Document d = Document.fromSentences(id, title, list, source);
            if (!d.text().equals(textNode.asText())) {
                throw new CorpusException("record " + d.id() + ": its sentences do not make up its text");
            }
            return d;
        }
        return splitter.document(id, title, textNode.asText(), source);
    }

    private static String abbreviate(JsonNode node) {
        String s = node.toString();
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }
}
