package compactqa.dataset;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

import compactqa.corpus.Document;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import compactqa.corpus.CorpusException;

/**
 * Reads the fields of a data set record, failing with a {@link CorpusException} that names the
 * field when it is missing or of the wrong type. Never returns null. Unknown fields are ignored by
 * every caller: only the fields asked for are looked at.
 */
final class RecordFields {

    private RecordFields() {
    }

    /** A required string (a number is taken as its text: some ids and answers are numbers). */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !(value.isTextual() || value.isNumber())) {
            throw new CorpusException("field '" + field + "' is " + describe(value) + ", expected a string");
        }
        return value.asText();
    }

    /** An optional string: {@code fallback} when the field is absent or null. */
    static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : text(node, field);
    }

    /** A required array. */
    static JsonNode array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new CorpusException("field '" + field + "' is " + describe(value) + ", expected an array");
        }
        return value;
    }

    /** One document per element of the required array {@code field}, made by {@code paragraph}. */
    static Stream<Document> documents(JsonNode node, String field, Function<JsonNode, Document> paragraph) {
        return StreamSupport.stream(array(node, field).spliterator(), false).map(paragraph);
    }

    /** An optional array: empty when the field is absent or null. */
    static JsonNode optionalArray(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? JsonNodeFactory.instance.arrayNode() : array(node, field);
    }

    /** An optional boolean: {@code fallback} when the field is absent or null. */
    static boolean flag(JsonNode node, String field, boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new CorpusException("field '" + field + "' is " + describe(value) + ", expected true or false");
        }
        return value.booleanValue();
    }

    /** The elements of a required array of strings. */
    static List<String> texts(JsonNode node, String field) {
        return strings(array(node, field), field);
    }

    /** The elements of {@code array}, each a string; {@code what} names it in errors. */
    static List<String> strings(JsonNode array, String what) {
        List<String> list = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            if (!(element.isTextual() || element.isNumber())) {
                throw new CorpusException("'" + what + "' holds " + describe(element) + ", expected strings");
            }
            list.add(element.asText());
        }
        return list;
    }

    /** {@code values} without repeats, first occurrences in order. */
    static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }

    private static String describe(JsonNode value) {
        return value == null ? "missing" : value.getNodeType().name().toLowerCase();
    }
}
