package compactqa.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A hand-written 2Wiki JSONL sample: a repeated title, a fact past the end, no leading spaces. */
class TwoWikiRecordsSampleTest extends DatasetLoaderContractTest {

    @Override
    protected Path file() {
        return resource("datasets/2wiki-records.jsonl");
    }

    @Override
    protected DatasetFormat expectedFormat() {
        return DatasetFormat.TWOWIKI;
    }

    @Override
    protected int expectedCount() {
        return 2;
    }

    @Test
    void supportsEveryParagraphOfAGoldTitle() {
        QaExample first = examples.get(0);
        assertEquals(List.of("Edith Quill"), first.answers());
        assertEquals(List.of("Blue Orchard", "Mara Quill"), first.supportingTitles());
        // the film and the village share the title "Blue Orchard": support is by title, so both count
        assertEquals(List.of(0, 1, 2), first.supportingParagraphs());
        assertEquals("Mara Quill was a film director. Her mother was Edith Quill.", first.paragraphs().get(1).text());
    }

    @Test
    void keepsAFactPastTheEnd() {
        QaExample second = examples.get(1);
        assertEquals("comparison", second.type());
        assertEquals(1, second.paragraphs().get(0).sentences().size());
        assertEquals(1, second.supportingFacts().get(1).sentence());
    }
}
