package compactqa.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A hand-written IRCoT sample with fields beyond the format's and several answer objects. */
class IrcotExtraFieldsSampleTest extends DatasetLoaderContractTest {

    @Override
    protected Path file() {
        return resource("datasets/ircot-extra-fields.jsonl");
    }

    @Override
    protected DatasetFormat expectedFormat() {
        return DatasetFormat.IRCOT;
    }

    @Override
    protected int expectedCount() {
        return 2;
    }

    @Test
    void gathersTheSpansOfEveryAnswerObjectOnce() {
        assertEquals(List.of("Aldbrook", "River Aldbrook"), examples.get(0).answers());
        assertEquals(List.of("1921"), examples.get(1).answers());
    }

    @Test
    void ignoresPinnedContextsAndReasoningSteps() {
        QaExample first = examples.get(0);
        assertEquals(3, first.paragraphs().size());
        assertEquals(List.of(0, 2), first.supportingParagraphs());
        assertEquals(List.of("Lantern Museum", "Harlow Vale"), first.supportingTitles());
        assertEquals(List.of("The Lantern Museum is a small museum in Harlow Vale.", "It opened in 1921."),
                sentences(first.paragraphs().get(0)));
    }
}
