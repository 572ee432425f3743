package compactqa.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** NQ-open test questions with their gold passage, DPR-style JSONL. */
class NqOracleTest extends DatasetLoaderContractTest {

    @Override
    protected Path file() {
        return data("nq/nq-open-oracle.jsonl.gz");
    }

    @Override
    protected DatasetFormat expectedFormat() {
        return DatasetFormat.NQ_ORACLE;
    }

    @Override
    protected int expectedCount() {
        return 2655;
    }

    @Test
    void numbersQuestionsByRecord() {
        QaExample first = examples.get(0);
        assertEquals("nq-0", first.id());
        assertEquals("nq-2654", examples.get(2654).id());
        assertEquals("who got the first nobel prize in physics", first.question());
        assertEquals(List.of("Wilhelm Conrad Röntgen"), first.answers());
        assertEquals("", first.type());
        assertEquals(1, first.paragraphs().size());
        assertEquals("List of Nobel laureates in Physics", first.paragraphs().get(0).title());
        assertEquals(List.of(0), first.supportingParagraphs());
        assertEquals(List.of("List of Nobel laureates in Physics"), first.supportingTitles());
    }

    @Test
    void everyQuestionHasItsGoldPassage() {
        assertEquals(2655, examples.stream().filter(e -> e.supportingParagraphs().equals(List.of(0))).count());
        assertEquals(1425, examples.stream().filter(e -> e.answers().size() == 1).count());
    }
}
