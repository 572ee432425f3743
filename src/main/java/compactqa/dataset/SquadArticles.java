package compactqa.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import compactqa.corpus.CorpusException;

/**
 * Streams the articles of a SQuAD file, the elements of its top-level object's {@code data} array,
 * one at a time: the memory held is one article, not the file (SQuAD train is 40 MB of JSON).
 * Fields before and after {@code data} ({@code version}) are skipped.
 */
final class SquadArticles {

    private SquadArticles() {
    }

    /**
     * The articles of {@code in} as a lazy stream; it does not close {@code in}.
     *
     * @throws CorpusException (also while streaming) if the content is not a SQuAD object
     */
    static Stream<JsonNode> stream(ObjectMapper mapper, InputStream in) throws IOException {
        JsonParser parser = mapper.getFactory().createParser(in);
        parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        try {
            seekData(parser);
        } catch (JsonProcessingException e) {
            parser.close();
            throw malformed(parser, e);
        } catch (CorpusException e) {
            parser.close();
            throw e;
        }
        Iterator<JsonNode> articles = new Iterator<>() {
            private JsonNode next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    try {
                        JsonToken token = parser.nextToken();
                        if (token == JsonToken.START_OBJECT) {
                            next = mapper.readTree(parser);
                        } else if (token == JsonToken.END_ARRAY) {
                            done = true;
                        } else {
                            throw new CorpusException("expected an article object in 'data' near line "
                                    + parser.currentLocation().getLineNr() + ", found " + token);
                        }
                    } catch (JsonProcessingException e) {
                        throw malformed(parser, e);
                    } catch (IOException e) {
                        throw new CorpusException("cannot read: " + e.getMessage(), e);
                    }
                }
                return next != null;
            }

            @Override
            public JsonNode next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                JsonNode article = next;
                next = null;
                return article;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(articles, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(() -> {
                    try {
                        parser.close();
                    } catch (IOException ignored) {
                        // the caller owns and closes the underlying stream
                    }
                });
    }

    /** Moves the parser onto the START_ARRAY of the top-level object's {@code data} field. */
    private static void seekData(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new CorpusException("expected a JSON object with a 'data' array");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("data")) {
                if (value != JsonToken.START_ARRAY) {
                    throw new CorpusException("field 'data' is not an array");
                }
                return;
            }
            parser.skipChildren();
        }
        throw new CorpusException("no 'data' array in the top-level object");
    }

    private static CorpusException malformed(JsonParser parser, JsonProcessingException e) {
        return new CorpusException("malformed JSON near line " + parser.currentLocation().getLineNr() + ": "
                + e.getOriginalMessage(), e);
    }
}
