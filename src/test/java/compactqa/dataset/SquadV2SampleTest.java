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
import compactqa.dataset.QaExample.AnswerSpan;

/** A hand-written SQuAD 2.0 sample ({@code version} before {@code data}) with an impossible question. */
class SquadV2SampleTest extends DatasetLoaderContractTest {

    @Override
    protected Path file() {
        return resource("datasets/squad-v2-sample.json");
    }

    @Override
    protected DatasetFormat expectedFormat() {
        return DatasetFormat.SQUAD;
    }

    @Override
    protected int expectedCount() {
        return 3;
    }

    @Test
    void skipsTheImpossibleQuestion() {
        LongAdder skipped = new LongAdder();
        try (Stream<QaExample> stream = loader.stream(file(), skipped)) {
            assertEquals(List.of("q-open", "q-where", "q-river"), stream.map(QaExample::id).toList());
        }
        assertEquals(1, skipped.sum());
    }

    @Test
    void keepsDistinctAnswersAndSpans() {
        QaExample open = examples.get(0);
        assertEquals(List.of("1921", "in 1921"), open.answers());
        assertEquals(List.of(new AnswerSpan(0, 66, "1921"), new AnswerSpan(0, 63, "in 1921")), open.answerSpans());
        assertEquals("Lantern Museum", open.paragraphs().get(0).title());
        assertEquals("Harlow Vale", examples.get(2).supportingTitles().get(0));
    }

    @Test
    void readsEachContextOnceAsCorpusParagraphs() throws IOException {
        try (InputStream in = InputFiles.open(file());
                var paragraphs = loader.paragraphs(in, DatasetFormat.SQUAD, "squad")) {
            assertEquals(List.of("Lantern Museum", "Harlow Vale"), paragraphs.map(p -> p.title()).toList());
        }
    }
}
