package compactqa.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusLoaderTest {

    private static final SentenceSplitter SPLITTER = new SentenceSplitter();
    private static final Path CORPUS = Path.of("src/test/resources/corpus");

    private final CorpusLoader loader = new CorpusLoader(List.of(new JsonlCorpusReader(SPLITTER), new TextCorpusReader(SPLITTER)));

    @TempDir
    Path tmp;

    @Test
    void readsJsonlWithIdsTitlesAndSplitSentences() {
        List<Document> docs = read(CORPUS.resolve("three.jsonl"));
        assertEquals(List.of("lucene", "tower", "eiffel"), docs.stream().map(Document::id).toList());
        Document tower = docs.get(1);
        assertEquals("Eiffel Tower", tower.title());
        assertEquals("three.jsonl", tower.source());
        assertEquals(List.of("The Eiffel Tower is a lattice tower in Paris.", "It was built for the 1889 World's Fair."),
                tower.sentences().stream().map(Sentence::text).toList());
    }

    @Test
    void readsGzipByContentWhateverTheName() throws IOException {
        Path gz = tmp.resolve("corpus.data");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(CORPUS.resolve("three.jsonl"), out);
        }
        assertEquals(3, read(gz).size());
    }

    @Test
    void readsAJsonArrayAndKeepsGivenSentences() throws IOException {
        Path file = tmp.resolve("array.json");
        Files.writeString(file, """
                [{"title": "A", "text": "One. Two.", "sentences": ["One.", " Two."]},
                 {"contents": "No id here."}]""");
        List<Document> docs = read(file);
        assertEquals(2, docs.size());
        assertEquals("Two.", docs.get(0).sentences().get(1).text());
        assertEquals(Document.contentKey("", "No id here."), docs.get(1).id());
    }

    @Test
    void folderGivesTextFilesAsParagraphsAndSkipsOtherFiles() {
        List<Document> docs = read(CORPUS.resolve("folder"));
        assertEquals(List.of("Dijon", "Dijon#1", "nested/Colmar_Town"), docs.stream().map(Document::id).toList());
        assertEquals("Dijon is a city in eastern France. It is known for mustard.", docs.get(0).text());
        assertEquals(2, docs.get(0).sentences().size());
        assertEquals("Colmar Town", docs.get(2).title());
    }

    @Test
    void countsBytesReadFromDisk() {
        List<CorpusFile> files = loader.plan(List.of(CORPUS.resolve("three.jsonl")));
        LongAdder read = new LongAdder();
        try (Stream<Document> docs = loader.read(files, read)) {
            assertEquals(3, docs.count());
        }
        assertEquals(files.get(0).bytes(), read.sum());
    }

    @Test
    void readsLazilyRecordByRecordNotFileByFile() throws IOException {
        Path big = tmp.resolve("big.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            lines.append("{\"id\": \"d").append(i).append("\", \"title\": \"T\", \"text\": \"Paragraph ").append(i)
                    .append(" says something fairly long about topic ").append(i).append(".\"}\n");
        }
        Files.writeString(big, lines);
        List<CorpusFile> files = loader.plan(List.of(CORPUS.resolve("three.jsonl"), big));
        LongAdder read = new LongAdder();
        try (Stream<Document> docs = loader.read(files, read)) {
            java.util.Iterator<Document> it = docs.iterator();
            for (int i = 0; i < 4; i++) {
                it.next(); // the three small documents, then the big file's first
            }
            long bytes = read.sum() - files.get(0).bytes();
            assertTrue(bytes < files.get(1).bytes() / 4, "read " + bytes + " of " + files.get(1).bytes() + " bytes for one document");
        }
    }

    @Test
    void namedFileInUnknownFormatFailsWithOneLineReason() throws IOException {
        Path file = tmp.resolve("weird.json");
        Files.writeString(file, "{\"foo\": 1}\n{\"foo\": 2}\n", StandardCharsets.UTF_8);
        CorpusException e = assertThrows(CorpusException.class, () -> loader.plan(List.of(file)));
        assertTrue(e.getMessage().contains("unknown format") && e.getMessage().contains("foo"), e.getMessage());
        assertThrows(CorpusException.class, () -> loader.plan(List.of(tmp.resolve("missing.jsonl"))));
        assertThrows(CorpusException.class, () -> loader.plan(List.of()));
    }

    @Test
    void malformedJsonNamesTheLine() throws IOException {
        Path file = tmp.resolve("bad.jsonl");
        Files.writeString(file, "{\"text\": \"ok\"}\n{\"text\": \"broken\n");
        CorpusException e = assertThrows(CorpusException.class, () -> read(file));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void shapeIsReadFromContent() throws IOException {
        Path lines = tmp.resolve("a.txt");
        Files.writeString(lines, "{\"id\": 1, \"text\": \"x\"}\n{\"id\": 2, \"text\": \"y\"}\n");
        assertEquals(new JsonShape(JsonShape.Layout.LINES, java.util.Set.of("id", "text")), JsonShape.of(lines));
        Path object = tmp.resolve("b");
        Files.writeString(object, "{\"data\": [{\"title\": \"t\"}], \"version\": \"1.1\"}");
        assertEquals(JsonShape.Layout.OBJECT, JsonShape.of(object).layout());
        assertTrue(JsonShape.of(object).has("data", "version"));
        Path text = tmp.resolve("c.json");
        Files.writeString(text, "just words");
        assertEquals(JsonShape.Layout.TEXT, JsonShape.of(text).layout());
    }

    private List<Document> read(Path path) {
        try (Stream<Document> docs = loader.read(List.of(path))) {
            return docs.toList();
        }
    }
}
