package compactqa.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import compactqa.corpus.JsonShape.Layout;
import compactqa.corpus.JsonShape;
import compactqa.corpus.JsonlCorpusReader;

/** Format recognition from a file's shape, on the key sets of the official formats. */
class DatasetFormatTest {

    /** The first-record keys of each format as published, extra fields included. */
    private static final Map<DatasetFormat, JsonShape> OFFICIAL = Map.of(
            DatasetFormat.HOTPOTQA, new JsonShape(Layout.ARRAY,
                    Set.of("_id", "answer", "question", "supporting_facts", "context", "type", "level")),
            DatasetFormat.TWOWIKI, new JsonShape(Layout.ARRAY,
                    Set.of("_id", "type", "question", "entity_ids", "supporting_facts", "evidences", "answer",
                            "evidences_id", "answer_id", "qa_pairs", "explanation", "context")),
            DatasetFormat.IRCOT, new JsonShape(Layout.LINES,
                    Set.of("question_id", "question_text", "answers_objects", "contexts", "pinned_contexts",
                            "reasoning_steps")),
            DatasetFormat.MUSIQUE, new JsonShape(Layout.LINES,
                    Set.of("id", "paragraphs", "question", "question_decomposition", "answer", "answer_aliases",
                            "answerable")),
            DatasetFormat.SQUAD, new JsonShape(Layout.OBJECT, Set.of("data", "version")),
            DatasetFormat.NQ_ORACLE, new JsonShape(Layout.LINES,
                    Set.of("question", "answers", "ctxs", "nq_annotated_gold")),
            DatasetFormat.HOTPOTQA_GOLDSENTS, new JsonShape(Layout.LINES,
                    Set.of("question", "answer", "evidence", "type", "level", "entity_num")));

    @Test
    void recognisesEveryOfficialShapeByExactlyOneRule() {
        assertEquals(DatasetFormat.values().length, OFFICIAL.size());
        OFFICIAL.forEach((format, shape) -> {
            assertEquals(Optional.of(format), DatasetFormat.detect(shape));
            assertEquals(1, Arrays.stream(DatasetFormat.values()).filter(f -> f.matches(shape)).count(),
                    () -> "rules overlap on " + shape);
        });
    }

    @Test
    void recognisesRecordFormatsInEveryRecordLayout() {
        for (Layout layout : new Layout[] {Layout.ARRAY, Layout.LINES, Layout.OBJECT}) {
            JsonShape hotpot = new JsonShape(layout, OFFICIAL.get(DatasetFormat.HOTPOTQA).keys());
            JsonShape musique = new JsonShape(layout, OFFICIAL.get(DatasetFormat.MUSIQUE).keys());
            assertEquals(Optional.of(DatasetFormat.HOTPOTQA), DatasetFormat.detect(hotpot));
            assertEquals(Optional.of(DatasetFormat.MUSIQUE), DatasetFormat.detect(musique));
        }
    }

    @Test
    void squadIsASingleObjectOnly() {
        assertEquals(Optional.empty(), DatasetFormat.detect(new JsonShape(Layout.LINES, Set.of("data", "version"))));
        assertEquals(Optional.of(DatasetFormat.SQUAD), DatasetFormat.detect(new JsonShape(Layout.OBJECT, Set.of("version", "data"))));
    }

    @Test
    void musiqueNeedsOneOfItsOwnFields() {
        assertEquals(Optional.empty(), DatasetFormat.detect(new JsonShape(Layout.LINES, Set.of("id", "question", "paragraphs"))));
        assertEquals(Optional.of(DatasetFormat.MUSIQUE),
                DatasetFormat.detect(new JsonShape(Layout.LINES, Set.of("id", "question", "paragraphs", "answer_aliases"))));
    }

    @Test
    void leavesCorpusFilesToTheCorpusReaders() {
        JsonlCorpusReader corpus = new JsonlCorpusReader(DatasetLoaderContractTest.SPLITTER);
        for (JsonShape shape : new JsonShape[] {
                new JsonShape(Layout.LINES, Set.of("id", "title", "text")),
                new JsonShape(Layout.LINES, Set.of("id", "contents")),
                new JsonShape(Layout.OBJECT, Set.of("id", "text", "data")),
                new JsonShape(Layout.ARRAY, Set.of("title", "text", "sentences")),
                new JsonShape(Layout.TEXT, Set.of()),
                new JsonShape(Layout.EMPTY, Set.of()),
                new JsonShape(Layout.ARRAY, Set.of())}) {
            assertEquals(Optional.empty(), DatasetFormat.detect(shape), () -> shape.toString());
        }
        OFFICIAL.values().forEach(shape -> assertEquals(Optional.empty(), corpus.format(shape), () -> "corpus reader takes " + shape));
    }

    @Test
    void namesFormatsAsUsersSeeThem() {
        assertEquals("2wiki", DatasetFormat.TWOWIKI.label());
        assertEquals("nq-oracle", DatasetFormat.NQ_ORACLE.toString());
        assertEquals(Optional.of(DatasetFormat.HOTPOTQA_GOLDSENTS), DatasetFormat.byLabel("hotpotqa-goldsents"));
        assertTrue(DatasetFormat.byLabel("hotpot").isEmpty());
        assertFalse(DatasetFormat.HOTPOTQA_GOLDSENTS.hasParagraphs());
        assertTrue(DatasetFormat.IRCOT.hasParagraphs());
    }
}
