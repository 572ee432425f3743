package compactqa.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Streams the records of a JSON file one at a time, whether they are the elements of a top-level
 * array or a sequence of top-level objects (JSONL): the memory held is one record, not the file.
 */
public final class JsonRecords {

    private JsonRecords() {
    }

    /**
     * The records of {@code in} as a lazy stream. The stream does not close {@code in}. A malformed
     * record ends the stream with a {@link CorpusException} naming the line.
     */
    public static Stream<JsonNode> stream(ObjectMapper mapper, InputStream in) throws IOException {
        JsonParser parser = mapper.getFactory().createParser(in);
        parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        if (parser.nextToken() == JsonToken.START_ARRAY) {
            parser.nextToken();
        }
        MappingIterator<JsonNode> records = mapper.readerFor(JsonNode.class).readValues(parser);
        var iterator = new java.util.Iterator<JsonNode>() {
            @Override
            public boolean hasNext() {
                try {
                    return records.hasNextValue();
                } catch (JsonProcessingException e) {
                    throw malformed(parser, e);
                } catch (IOException e) {
                    throw new CorpusException("cannot read: " + e.getMessage(), e);
                }
            }

            @Override
            public JsonNode next() {
                try {
                    JsonNode node = records.nextValue();
                    if (!node.isObject()) {
                        throw new CorpusException("expected a JSON object per record near line "
                                + parser.currentLocation().getLineNr() + ", found " + node.getNodeType());
                    }
                    return node;
                } catch (JsonProcessingException e) {
                    throw malformed(parser, e);
                } catch (IOException e) {
                    throw new CorpusException("cannot read: " + e.getMessage(), e);
                }
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(() -> {
                    try {
                        records.close();
                    } catch (IOException ignored) {
                        // the caller owns and closes the underlying stream
                    }
                });
    }

    private static CorpusException malformed(JsonParser parser, JsonProcessingException e) {
        return new CorpusException("malformed JSON near line " + parser.currentLocation().getLineNr() + ": "
                + e.getOriginalMessage(), e);
    }
}
