package compactqa.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import compactqa.dataset.QaExample.SupportingFact;

/** The official HotpotQA train JSON array (100 questions; fields in another order than dev's). */
class HotpotQaTrainTest extends DatasetLoaderContractTest {

    @Override
    protected Path file() {
        return data("hotpotqa/train-100.json.gz");
    }

    @Override
    protected DatasetFormat expectedFormat() {
        return DatasetFormat.HOTPOTQA;
    }

    @Override
    protected int expectedCount() {
        return 100;
    }

    @Test
    void readsTheFirstQuestionAsPublished() {
        QaExample first = examples.get(0);
        assertEquals("5a77ec115542992a6e59dff7", first.id());
        assertEquals("If Gallu is a demon Lilu is what?", first.question());
        assertEquals(List.of("a spirit"), first.answers());
        assertEquals(List.of("Alû", "Lilu (mythology)"), first.supportingTitles());
        assertEquals(List.of(new SupportingFact("Alû", 3), new SupportingFact("Lilu (mythology)", 0)),
                first.supportingFacts());
        assertEquals(List.of(5, 9), first.supportingParagraphs());
        assertEquals(List.of(4, 6, 7, 3, 6, 1, 10, 6, 4, 4),
                first.paragraphs().stream().map(p -> p.sentences().size()).toList());
    }

    @Test
    void countsTypes() {
        assertEquals(78, examples.stream().filter(e -> e.type().equals("bridge")).count());
        assertEquals(22, examples.stream().filter(e -> e.type().equals("comparison")).count());
        assertEquals(994, examples.stream().mapToInt(e -> e.paragraphs().size()).sum());
    }
}
