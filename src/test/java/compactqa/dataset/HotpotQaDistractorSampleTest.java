package compactqa.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import compactqa.corpus.Document;
import compactqa.dataset.QaExample.SupportingFact;

/** The official HotpotQA dev distractor JSON array (its first 103 questions). */
class HotpotQaDistractorSampleTest extends DatasetLoaderContractTest {

    @Override
    protected Path file() {
        return data("hotpotqa/dev-distractor-sample-103.json.gz");
    }

    @Override
    protected DatasetFormat expectedFormat() {
        return DatasetFormat.HOTPOTQA;
    }

    @Override
    protected int expectedCount() {
        return 103;
    }

    @Test
    void readsTheFirstQuestionAsPublished() {
        QaExample first = examples.get(0);
        assertEquals("5a8b57f25542995d1e6f1371", first.id());
        assertEquals("Were Scott Derrickson and Ed Wood of the same nationality?", first.question());
        assertEquals(List.of("yes"), first.answers());
        assertEquals("comparison", first.type());
        assertEquals(List.of("Scott Derrickson", "Ed Wood"), first.supportingTitles());
        assertEquals(List.of(new SupportingFact("Scott Derrickson", 0), new SupportingFact("Ed Wood", 0)),
                first.supportingFacts());
        assertEquals(10, first.paragraphs().size());
        assertEquals(List.of(1, 4), first.supportingParagraphs());
        assertTrue(first.answerSpans().isEmpty());
    }

    @Test
    void keepsTheSentencesAsListed() {
        Document edWoodFilm = examples.get(0).paragraphs().get(0);
        assertEquals("Ed Wood (film)", edWoodFilm.title());
        assertEquals(3, edWoodFilm.sentences().size());
        // HotpotQA's sentences carry their leading space: the text is their concatenation, the spans trimmed
        assertTrue(edWoodFilm.text().startsWith("Ed Wood is a 1994 American biographical period comedy-drama film"));
        assertTrue(sentences(edWoodFilm).get(1).startsWith("The film concerns the period in Wood's life"));
        assertEquals(List.of(3, 3, 5, 5, 1, 3, 5, 2, 5, 4),
                examples.get(0).paragraphs().stream().map(p -> p.sentences().size()).toList());
    }

    @Test
    void keepsAnEmptySentenceInItsPlace() {
        Document season = example("5a7320565542991f9a20c61d").paragraphs().stream()
                .filter(p -> p.title().equals("1989 Houston Oilers season")).findFirst().orElseThrow();
        assertEquals(11, season.sentences().size());
        assertEquals("", season.sentences().get(10).text());
    }

    @Test
    void countsTypesAndParagraphs() {
        assertEquals(82, examples.stream().filter(e -> e.type().equals("bridge")).count());
        assertEquals(21, examples.stream().filter(e -> e.type().equals("comparison")).count());
        assertEquals(1022, examples.stream().mapToInt(e -> e.paragraphs().size()).sum());
        assertEquals(206, examples.stream().mapToInt(e -> e.supportingParagraphs().size()).sum());
    }
}
