package compactqa.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import compactqa.corpus.Document;
import compactqa.corpus.InputFiles;
import compactqa.corpus.JsonRecords;
import compactqa.corpus.Sentence;
import compactqa.corpus.SentenceSplitter;
import compactqa.dataset.QaExample.AnswerSpan;
import compactqa.dataset.QaExample.SupportingFact;

/**
 * The contract every data set file must pass once loaded, in the spirit of Lucene's
 * {@code BaseXxxFormatTestCase}: each format's test extends this with a real file (or, for a
 * variant with no real file here, a small hand-written sample) and adds the facts it pins.
 *
 * <p>The file is loaded once per test class. Real files live in {@code ../shared/data} (relative to
 * the project root, the tests' working directory); where they are absent the class is skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatasetLoaderContractTest {

    /** Shared by every test: creating a splitter loads its model. */
    static final SentenceSplitter SPLITTER = new SentenceSplitter();

    /** The read-only data of the environment. */
    static final Path DATA = Path.of("../shared/data");

    protected DatasetLoader loader;
    protected List<QaExample> examples;

    /** The file under test. */
    protected abstract Path file();

    /** Its format. */
    protected abstract DatasetFormat expectedFormat();

    /** How many questions it must yield. */
    protected abstract int expectedCount();

    /** A file of {@code ../shared/data}. */
    static Path data(String relative) {
        return DATA.resolve(relative);
    }

    /** A file of {@code src/test/resources}, as it sits on the test class path. */
    static Path resource(String name) {
        try {
            return Path.of(DatasetLoaderContractTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource " + name + " is missing", e);
        }
    }

    /**
     * Writes the records of a JSON array file as JSON lines to {@code out}: the same records in the
     * other layout the official formats come in.
     */
    static Path toJsonLines(Path array, Path out) {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = InputFiles.open(array);
                Stream<JsonNode> records = JsonRecords.stream(json, in);
                BufferedWriter writer = Files.newBufferedWriter(out)) {
            for (JsonNode record : (Iterable<JsonNode>) records::iterator) {
                writer.write(json.writeValueAsString(record));
                writer.write('\n');
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What an example says, leaving out where its paragraphs were read from. */
    static String contentOf(QaExample e) {
        return String.join("|", e.id(), e.question(), e.answers().toString(), e.type(),
                e.paragraphs().stream().map(p -> p.id() + "/" + p.title() + "/" + p.text() + "/" + p.sentences()).toList().toString(),
                e.supportingParagraphs().toString(), e.supportingTitles().toString(), e.supportingFacts().toString(),
                e.answerSpans().toString(), e.dataset());
    }

    @BeforeAll
    void loadOnce() {
        assumeTrue(Files.isRegularFile(file()), () -> file() + " is not available");
        loader = new DatasetLoader(SPLITTER);
        long start = System.nanoTime();
        examples = loader.load(file());
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("loaded %,d %s examples from %s in %,d ms%n", examples.size(), expectedFormat(),
                file().getFileName(), millis);
    }

    @Test
    void detectsTheFormat() {
        assertEquals(expectedFormat(), loader.format(file()));
    }

    @Test
    void yieldsTheExpectedNumberOfQuestions() {
        assertEquals(expectedCount(), examples.size());
    }

    @Test
    void idsAreUniqueAndNotBlank() {
        Set<String> seen = new HashSet<>();
        for (QaExample e : examples) {
            assertFalse(e.id().isBlank(), "blank id");
            assertTrue(seen.add(e.id()), () -> "repeated id " + e.id());
        }
    }

    @Test
    void questionsAreNotBlank() {
        for (QaExample e : examples) {
            assertFalse(e.question().isBlank(), () -> e.id() + ": blank question");
        }
    }

    @Test
    void everyQuestionHasAnAnswer() {
        for (QaExample e : examples) {
            assertTrue(e.answers().stream().anyMatch(a -> !a.isBlank()), () -> e.id() + ": no answer");
            assertEquals(e.answers().size(), Set.copyOf(e.answers()).size(), () -> e.id() + ": repeated answers");
        }
    }

    @Test
    void recordsItsFormat() {
        for (QaExample e : examples) {
            assertEquals(expectedFormat().label(), e.dataset());
        }
    }

    @Test
    void supportingParagraphsAreDistinctAndAmongTheSupportingTitles() {
        for (QaExample e : examples) {
            assertEquals(e.supportingParagraphs().size(), Set.copyOf(e.supportingParagraphs()).size(),
                    () -> e.id() + ": repeated supporting paragraph");
            if (!e.supportingTitles().isEmpty()) {
                for (int i : e.supportingParagraphs()) {
                    String title = e.paragraphs().get(i).title();
                    assertTrue(e.supportingTitles().contains(title), () -> e.id() + ": supporting paragraph '" + title
                            + "' missing from the supporting titles " + e.supportingTitles());
                }
            }
        }
    }

    @Test
    void supportingFactsHaveSentenceIndices() {
        for (QaExample e : examples) {
            for (SupportingFact fact : e.supportingFacts()) {
                assertTrue(fact.sentence() >= 0, () -> e.id() + ": negative sentence index");
            }
        }
    }

    @Test
    void documentsAreConsistent() {
        String source = file().getFileName().toString();
        for (QaExample e : examples) {
            for (Document d : e.paragraphs()) {
                // the constructor checks every span; rebuilding proves the loaded value passes it
                assertEquals(d, new Document(d.id(), d.title(), d.text(), d.sentences(), d.source()));
                assertEquals(source, d.source());
                assertFalse(d.id().isBlank());
                for (Sentence s : d.sentences()) {
                    assertEquals(d.text().substring(s.start(), s.end()), s.text());
                }
            }
        }
    }

    @Test
    void answerSpansHoldTheirText() {
        for (QaExample e : examples) {
            for (AnswerSpan span : e.answerSpans()) {
                String text = e.paragraphs().get(span.paragraph()).text();
                assertTrue(text.startsWith(span.text(), span.start()), () -> e.id() + ": span " + span);
                assertTrue(e.answers().contains(span.text()), () -> e.id() + ": span text is not an answer");
            }
        }
    }

    @Test
    void recognisesTheFormatFromContentNotName(@TempDir Path tmp) throws IOException {
        Path renamed = tmp.resolve("data.txt");
        Files.copy(file(), renamed);
        assertEquals(expectedFormat(), loader.format(renamed));
        try (Stream<QaExample> loaded = loader.stream(renamed)) {
            assertEquals(examples.stream().map(QaExample::id).toList(), loaded.map(QaExample::id).toList());
        }
    }

    @Test
    void streamsLazily() {
        try (Stream<QaExample> stream = loader.stream(file())) {
            assertEquals(examples.get(0), stream.findFirst().orElseThrow());
        }
    }

    /** The loaded example with this id. */
    protected QaExample example(String id) {
        return examples.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no example " + id));
    }

    /** The sentence texts of a document. */
    protected static List<String> sentences(Document d) {
        return d.sentences().stream().map(Sentence::text).toList();
    }
}
