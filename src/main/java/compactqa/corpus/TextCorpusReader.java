package compactqa.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Plain text files, one article per file: the title is the file name (underscores read as spaces,
 * as in Wikipedia page names), and paragraphs are separated by blank lines. The first paragraph's
 * id is the file's path without its extension; later ones add {@code #1}, {@code #2}, ...
 */
@ApplicationScoped
public class TextCorpusReader implements CorpusReader {

    private static final Pattern BLANK_LINES = Pattern.compile("\\R\\s*\\R");
    private static final Pattern EXTENSION = Pattern.compile("(\\.txt)?(\\.gz)?$");

    private final SentenceSplitter splitter;

    @Inject
    public TextCorpusReader(SentenceSplitter splitter) {
        this.splitter = splitter;
    }

    @Override
    public Optional<String> format(JsonShape shape) {
        return shape.layout() == JsonShape.Layout.TEXT ? Optional.of("text") : Optional.empty();
    }

    @Override
    public Stream<Document> read(InputStream in, JsonShape shape, String source) throws IOException {
        String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (!content.isEmpty() && content.charAt(0) == '\uFEFF') {
            content = content.substring(1);
        }
        String baseId = EXTENSION.matcher(source).replaceFirst("");
        String name = baseId.substring(baseId.lastIndexOf('/') + 1);
        String title = name.replace('_', ' ').strip();
        List<Document> docs = new ArrayList<>();
        for (String paragraph : BLANK_LINES.split(content)) {
            String text = paragraph.strip().replaceAll("\\s*\\R\\s*", " ");
            if (!text.isEmpty()) {
                String id = docs.isEmpty() ? baseId : baseId + "#" + docs.size();
                docs.add(splitter.document(id, title, text, source));
            }
        }
        return docs.stream();
    }
}
