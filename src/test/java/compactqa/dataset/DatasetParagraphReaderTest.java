package compactqa.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import compactqa.corpus.CorpusException;
import compactqa.corpus.CorpusFile;
import compactqa.corpus.CorpusLoader;
import compactqa.corpus.Document;
import compactqa.corpus.JsonlCorpusReader;
import compactqa.corpus.TextCorpusReader;

/** Data set files as corpus input, through the corpus loader with every reader in place. */
class DatasetParagraphReaderTest {

    private static final DatasetLoader LOADER = new DatasetLoader(DatasetLoaderContractTest.SPLITTER);

    private final CorpusLoader corpus = new CorpusLoader(List.of(
            new JsonlCorpusReader(DatasetLoaderContractTest.SPLITTER),
            new TextCorpusReader(DatasetLoaderContractTest.SPLITTER),
            new DatasetParagraphReader(LOADER)));

    @TempDir
    Path tmp;

    @Test
    void readsEveryContextParagraphOfIrcot() {
        Path file = DatasetLoaderContractTest.data("hotpotqa/dev-500.ircot.jsonl.gz");
        List<CorpusFile> plan = corpus.plan(List.of(file));
        assertEquals("ircot", plan.get(0).format(), "the data set format shows, not the reader's");
        try (Stream<Document> paragraphs = corpus.read(List.of(file))) {
            List<Document> all = paragraphs.toList();
            assertEquals(4931, all.size());
            assertTrue(all.stream().allMatch(d -> d.source().equals("dev-500.ircot.jsonl.gz")));
            assertEquals("Meet Corliss Archer", all.get(0).title());
        }
    }

    @Test
    void readsOfficialHotpotQaAndSquadParagraphs() {
        assertEquals(4960, count(DatasetLoaderContractTest.data("hotpotqa/dev-fullwiki-500.json.gz")));
        // one paragraph per SQuAD context, not one per question
        assertEquals(2067, count(DatasetLoaderContractTest.data("squad/squad-v1.1-dev.json.gz")));
    }

    @Test
    void refusesGoldSentenceFiles() {
        Path file = DatasetLoaderContractTest.data("hotpotqa/train-500-goldsents.jsonl.gz");
        CorpusException e = assertThrows(CorpusException.class, () -> corpus.plan(List.of(file)));
        assertTrue(e.getMessage().contains("unknown format"), e.getMessage());
    }

    @Test
    void takesDataSetsAndCorpusFilesFromOneFolder() throws IOException {
        Files.copy(DatasetLoaderContractTest.resource("datasets/musique-answerable-mix.jsonl"), tmp.resolve("a-musique.jsonl"));
        Files.writeString(tmp.resolve("b-corpus.jsonl"), """
                {"id": "c1", "title": "Harlow Vale", "text": "Harlow Vale is a market town."}
                {"id": "c2", "title": "Copper Street", "text": "Copper Street is a road."}
                """);
        Files.writeString(tmp.resolve("c-goldsents.jsonl"),
                "{\"question\": \"Q?\", \"answer\": \"A\", \"evidence\": [\"One.\"], \"type\": \"bridge\", \"level\": \"easy\"}\n");
        try (Stream<Document> paragraphs = corpus.read(List.of(tmp))) {
            Map<String, Long> bySource = paragraphs.collect(Collectors.groupingBy(Document::source, Collectors.counting()));
            // the unanswerable MuSiQue record's paragraphs count too; the gold-sentence file is skipped
            assertEquals(Map.of("a-musique.jsonl", 6L, "b-corpus.jsonl", 2L), bySource);
        }
    }

    private long count(Path file) {
        try (Stream<Document> paragraphs = corpus.read(List.of(file))) {
            return paragraphs.map(Function.identity()).count();
        }
    }
}
