package compactqa.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import compactqa.corpus.Document;
import compactqa.dataset.QaExample.SupportingFact;

/**
 * A hand-written HotpotQA JSONL sample with the format's rough edges: leading-space sentences, an
 * empty sentence, a supporting fact past the end of its paragraph, a gold title missing from the
 * context, and an unknown field.
 */
class HotpotQaRecordsSampleTest extends DatasetLoaderContractTest {

    @Override
    protected Path file() {
        return resource("datasets/hotpotqa-records.jsonl");
    }

    @Override
    protected DatasetFormat expectedFormat() {
        return DatasetFormat.HOTPOTQA;
    }

    @Override
    protected int expectedCount() {
        return 2;
    }

    @Test
    void joinsSentencesAndKeepsTheEmptyOne() {
        Document vale = examples.get(0).paragraphs().get(1);
        assertEquals("Harlow Vale is a market town. The river Aldbrook flows through it.", vale.text());
        assertEquals(List.of("Harlow Vale is a market town.", "The river Aldbrook flows through it.", ""), sentences(vale));
    }

    @Test
    void keepsAFactPastTheEndOfItsParagraph() {
        QaExample bridge = examples.get(0);
        assertEquals(new SupportingFact("Harlow Vale", 3), bridge.supportingFacts().get(2));
        assertEquals(List.of("Lantern Museum", "Harlow Vale"), bridge.supportingTitles());
        assertEquals(List.of(0, 1), bridge.supportingParagraphs());
    }

    @Test
    void supportsOnlyTheGoldParagraphsPresent() {
        QaExample comparison = examples.get(1);
        assertEquals(List.of("no"), comparison.answers());
        assertEquals(List.of("Lantern Museum", "Glass Hall"), comparison.supportingTitles());
        assertEquals(List.of(0), comparison.supportingParagraphs());
    }
}
