package compactqa.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import compactqa.corpus.CorpusException;

/** What the loader says about files it cannot read: one line, naming the file and the record. */
class DatasetLoaderErrorsTest {

    private static final String HOTPOT_RECORD =
            "{\"_id\": \"%s\", \"question\": \"Q?\", \"answer\": \"A\", \"type\": \"bridge\", "
                    + "\"supporting_facts\": [[\"T\", 0]], \"context\": [[\"T\", [\"One.\", \" Two.\"]]]}";

    private final DatasetLoader loader = new DatasetLoader(DatasetLoaderContractTest.SPLITTER);

    @TempDir
    Path tmp;

    @Test
    void namesTheFieldsOfAnUnknownFormat() throws IOException {
        Path file = write("unknown.jsonl", "{\"foo\": 1, \"bar\": [2]}\n{\"foo\": 3, \"bar\": [4]}\n");
        CorpusException e = assertThrows(CorpusException.class, () -> loader.load(file));
        assertOneLine(e);
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("[bar, foo]"), e.getMessage());
    }

    @Test
    void leavesCorpusFilesAlone() throws IOException {
        Path corpus = write("corpus.jsonl", "{\"id\": \"d1\", \"title\": \"T\", \"text\": \"Some text.\"}\n");
        CorpusException e = assertThrows(CorpusException.class, () -> loader.format(corpus));
        assertTrue(e.getMessage().contains("not a known data set format"), e.getMessage());
        assertTrue(assertThrows(CorpusException.class, () -> loader.format(write("notes.json", "plain words")))
                .getMessage().contains("not JSON"));
        assertTrue(assertThrows(CorpusException.class, () -> loader.format(write("empty.json", "")))
                .getMessage().contains("empty"));
        assertTrue(assertThrows(CorpusException.class, () -> loader.format(tmp.resolve("absent.json")))
                .getMessage().contains("no such file"));
    }

    @Test
    void namesTheRecordMissingAField() throws IOException {
        Path file = write("hotpot.jsonl", HOTPOT_RECORD.formatted("a") + "\n"
                + "{\"_id\": \"b\", \"question\": \"Q?\", \"supporting_facts\": [], \"context\": []}\n");
        CorpusException e = assertThrows(CorpusException.class, () -> loader.load(file));
        assertOneLine(e);
        assertTrue(e.getMessage().startsWith(file + ": record 2: field 'answer' is missing"), e.getMessage());
    }

    @Test
    void namesTheRecordThatIsNotJson() throws IOException {
        Path file = write("hotpot.jsonl", HOTPOT_RECORD.formatted("a") + "\n" + HOTPOT_RECORD.formatted("b") + "\n"
                + "{\"_id\": \"c\", \"question\": \n");
        CorpusException e = assertThrows(CorpusException.class, () -> loader.load(file));
        assertTrue(e.getMessage().startsWith(file + ": record 3: malformed JSON"), e.getMessage());
    }

    @Test
    void rejectsAMalformedSupportingFact() throws IOException {
        Path file = write("hotpot.json", "[" + HOTPOT_RECORD.formatted("a").replace("[\"T\", 0]", "[\"T\", \"zero\"]") + "]");
        CorpusException e = assertThrows(CorpusException.class, () -> loader.load(file));
        assertTrue(e.getMessage().contains("record 1: question a: supporting fact"), e.getMessage());
    }

    @Test
    void failsLoudlyOnAnAnswerOffsetThatMissesItsText() throws IOException {
        Path file = write("squad.json", """
                {"data": [{"title": "T", "paragraphs": [{"context": "Alpha beta gamma.",
                  "qas": [{"id": "q-ok", "question": "Which?", "answers": [{"text": "beta", "answer_start": 6}]},
                          {"id": "q-bad", "question": "Which?", "answers": [{"text": "gamma", "answer_start": 3}]}]}]}],
                 "version": "1.1"}
                """);
        CorpusException e = assertThrows(CorpusException.class, () -> loader.load(file));
        assertOneLine(e);
        assertTrue(e.getMessage().contains("article 1: question q-bad: answer 'gamma' is not at offset 3"), e.getMessage());
    }

    @Test
    void readsCompressedFilesWhateverTheirName() throws IOException {
        Path file = tmp.resolve("records");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((HOTPOT_RECORD.formatted("a") + "\n" + HOTPOT_RECORD.formatted("b") + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(DatasetFormat.HOTPOTQA, loader.format(file));
        assertEquals(2, loader.load(file).size());
    }

    @Test
    void readsASingleRecordFile() throws IOException {
        Path file = write("one.json", HOTPOT_RECORD.formatted("only"));
        assertEquals("only", loader.load(file).get(0).id());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content);
    }

    private static void assertOneLine(Exception e) {
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
