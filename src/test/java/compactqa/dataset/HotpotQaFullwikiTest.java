package compactqa.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import compactqa.dataset.QaExample.SupportingFact;

/** The official HotpotQA dev fullwiki JSON array: the gold paragraphs are often missing from the context. */
class HotpotQaFullwikiTest extends DatasetLoaderContractTest {

    @Override
    protected Path file() {
        return data("hotpotqa/dev-fullwiki-500.json.gz");
    }

    @Override
    protected DatasetFormat expectedFormat() {
        return DatasetFormat.HOTPOTQA;
    }

    @Override
    protected int expectedCount() {
        return 500;
    }

    @Test
    void keepsGoldTitlesMissingFromTheContext() {
        QaExample first = examples.get(0);
        assertEquals("5a7166395542994082a3e814", first.id());
        assertEquals(List.of("Kansas Song"), first.answers());
        assertEquals("bridge", first.type());
        assertEquals(List.of("Kansas Song", "University of Kansas"), first.supportingTitles());
        assertEquals(List.of(new SupportingFact("Kansas Song", 0), new SupportingFact("University of Kansas", 1),
                new SupportingFact("University of Kansas", 2)), first.supportingFacts());
        // "Kansas Song" was not retrieved: only "University of Kansas", the 7th paragraph, is present
        assertEquals(List.of(6), first.supportingParagraphs());
    }

    @Test
    void countsTheQuestionsWithTheirGoldParagraphs() {
        assertEquals(4960, examples.stream().mapToInt(e -> e.paragraphs().size()).sum());
        assertEquals(573, examples.stream().mapToInt(e -> e.supportingParagraphs().size()).sum());
        assertEquals(151, examples.stream()
                .filter(e -> e.supportingParagraphs().size() == e.supportingTitles().size()).count());
        assertEquals(78, examples.stream().filter(e -> e.supportingParagraphs().isEmpty()).count());
        assertEquals(371, examples.stream().filter(e -> e.type().equals("bridge")).count());
    }

    @Test
    void keepsQuestionsWhoseContextIsEmpty() {
        // two records of the file have "context": [] (nothing retrieved); the question still stands
        assertEquals(2, examples.stream().filter(e -> e.paragraphs().isEmpty()).count());
        QaExample cistus = example("5a83ed9b55429933447460b8");
        assertEquals(List.of("flowering plants"), cistus.answers());
        assertEquals(List.of("Cistus", "Stapelianthus"), cistus.supportingTitles());
        assertEquals(List.of(), cistus.supportingParagraphs());
    }
}
