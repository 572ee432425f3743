package compactqa.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The layout of a file and the field names of its first record, read from its content so that
 * formats are recognised whatever the file is called.
 *
 * <p>A record is an element of a top-level JSON array ({@link Layout#ARRAY}), one of several
 * top-level objects ({@link Layout#LINES}, as in JSONL), or the single top-level object
 * ({@link Layout#OBJECT}). Files that are not JSON are {@link Layout#TEXT}.
 *
 * @param layout how the file's records are laid out
 * @param keys   the field names of the first record, in file order (empty for text)
 */
public record JsonShape(Layout layout, Set<String> keys) {

    public enum Layout { ARRAY, OBJECT, LINES, TEXT, EMPTY }

    private static final JsonFactory JSON = JsonFactory.builder().build();

    public JsonShape {
        keys = Collections.unmodifiableSet(new LinkedHashSet<>(keys));
    }

    /** Whether the first record has every one of {@code names}. */
    public boolean has(String... names) {
        for (String name : names) {
            if (!keys.contains(name)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the file is JSON records (an array, lines or one object), not text. */
    public boolean isJson() {
        return layout == Layout.ARRAY || layout == Layout.OBJECT || layout == Layout.LINES;
    }

    /** Reads as little of {@code file} as it takes to know its shape. */
    public static JsonShape of(Path file) throws IOException {
        try (InputStream in = InputFiles.open(file)) {
            return of(in);
        }
    }

    static JsonShape of(InputStream in) throws IOException {
        in.mark(1 << 16);
        int first = firstNonBlank(in);
        in.reset();
        if (first < 0) {
            return new JsonShape(Layout.EMPTY, Set.of());
        }
        if (first != '{' && first != '[') {
            return new JsonShape(Layout.TEXT, Set.of());
        }
        try (JsonParser parser = JSON.createParser(in)) {
            JsonToken root = parser.nextToken();
            if (root == JsonToken.START_ARRAY) {
                return parser.nextToken() == JsonToken.START_OBJECT
                        ? new JsonShape(Layout.ARRAY, fieldNames(parser))
                        : new JsonShape(Layout.ARRAY, Set.of());
            }
            Set<String> keys = fieldNames(parser);
            return new JsonShape(parser.nextToken() == null ? Layout.OBJECT : Layout.LINES, keys);
        } catch (JsonParseException e) {
            return new JsonShape(Layout.TEXT, Set.of());
        }
    }

    /** The field names of the object whose START_OBJECT the parser is on; leaves it at its END_OBJECT. */
    private static Set<String> fieldNames(JsonParser parser) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            names.add(parser.currentName());
            parser.nextToken();
            parser.skipChildren();
        }
        return names;
    }

    private static int firstNonBlank(InputStream in) throws IOException {
        int b;
        do {
            b = in.read();
        } while (b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == 0xEF || b == 0xBB || b == 0xBF);
        return b;
    }
}
