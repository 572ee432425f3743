package compactqa.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import compactqa.corpus.InputFiles;

/** A hand-written MuSiQue-Full-style sample: one answerable question and its unanswerable contrast. */
class MusiqueUnanswerableSampleTest extends DatasetLoaderContractTest {

    @Override
    protected Path file() {
        return resource("datasets/musique-answerable-mix.jsonl");
    }

    @Override
    protected DatasetFormat expectedFormat() {
        return DatasetFormat.MUSIQUE;
    }

    @Override
    protected int expectedCount() {
        return 1;
    }

    @Test
    void skipsAndCountsTheUnanswerableQuestion() {
        LongAdder skipped = new LongAdder();
        try (Stream<QaExample> stream = loader.stream(file(), skipped)) {
            assertEquals(List.of("2hop__101_202"), stream.map(QaExample::id).toList());
        }
        assertEquals(1, skipped.sum());
    }

    @Test
    void readsAnswersWithoutRepeats() {
        QaExample answerable = examples.get(0);
        assertEquals(List.of("Aldbrook", "River Aldbrook"), answerable.answers());
        assertEquals(List.of(1, 2), answerable.supportingParagraphs());
        assertEquals(List.of("Lantern Museum", "Harlow Vale"), answerable.supportingTitles());
    }

    @Test
    void keepsTheParagraphsOfTheSkippedQuestion() throws IOException {
        try (InputStream in = InputFiles.open(file());
                var paragraphs = loader.paragraphs(in, DatasetFormat.MUSIQUE, "mix")) {
            assertEquals(6, paragraphs.count());
        }
    }
}
