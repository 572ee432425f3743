package compactqa.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import compactqa.corpus.Document;
import compactqa.dataset.QaExample.SupportingFact;

/** HotpotQA train gold supporting sentences only: one untitled document per question. */
class HotpotQaGoldSentencesTest extends DatasetLoaderContractTest {

    @Override
    protected Path file() {
        return data("hotpotqa/train-500-goldsents.jsonl.gz");
    }

    @Override
    protected DatasetFormat expectedFormat() {
        return DatasetFormat.HOTPOTQA_GOLDSENTS;
    }

    @Override
    protected int expectedCount() {
        return 500;
    }

    @Test
    void makesOneDocumentOfTheEvidence() {
        QaExample first = examples.get(0);
        assertEquals("goldsents-0", first.id());
        assertEquals("Which Emmett's Mark actor also played in the HBO series \"The Wire\"?", first.question());
        assertEquals(List.of("John Doman"), first.answers());
        assertEquals("bridge", first.type());
        Document evidence = first.paragraphs().get(0);
        assertEquals(1, first.paragraphs().size());
        assertEquals("", evidence.title());
        assertEquals(2, evidence.sentences().size());
        assertTrue(evidence.sentences().get(1).text().startsWith("John Doman (born January 9, 1945)"));
        assertEquals(List.of(0), first.supportingParagraphs());
        assertTrue(first.supportingTitles().isEmpty());
        assertEquals(List.of(new SupportingFact("", 0), new SupportingFact("", 1)), first.supportingFacts());
    }

    @Test
    void everySentenceIsAFact() {
        for (QaExample e : examples) {
            assertEquals(e.paragraphs().get(0).sentences().size(), e.supportingFacts().size());
        }
        assertEquals(400, examples.stream().filter(e -> e.type().equals("bridge")).count());
        assertEquals(286, examples.stream().filter(e -> e.paragraphs().get(0).sentences().size() == 2).count());
    }
}
