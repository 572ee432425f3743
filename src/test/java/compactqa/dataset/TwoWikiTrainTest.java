package compactqa.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import compactqa.corpus.Document;
import compactqa.dataset.QaExample.SupportingFact;

/** The official 2WikiMultihopQA train JSON array (500 questions). */
class TwoWikiTrainTest extends DatasetLoaderContractTest {

    @Override
    protected Path file() {
        return data("2wiki/train-500.json.gz");
    }

    @Override
    protected DatasetFormat expectedFormat() {
        return DatasetFormat.TWOWIKI;
    }

    @Override
    protected int expectedCount() {
        return 500;
    }

    @Test
    void readsTheFirstQuestionAsPublished() {
        QaExample first = examples.get(0);
        assertEquals("93402dbc0bdb11eba7f7acde48001122", first.id());
        assertEquals(List.of("October 5, 1987"), first.answers());
        assertEquals("compositional", first.type());
        assertEquals(List.of("Get Low (Dillon Francis and DJ Snake song)", "Dillon Francis"), first.supportingTitles());
        assertEquals(List.of(6, 7), first.supportingParagraphs());
        assertEquals(List.of(1, 2, 1, 5, 6, 23, 2, 3, 3, 3),
                first.paragraphs().stream().map(p -> p.sentences().size()).toList());
    }

    @Test
    void joinsSentencesThatHaveNoLeadingSpace() {
        Document dillon = examples.get(0).paragraphs().get(6);
        assertEquals("Dillon Francis", dillon.title());
        assertEquals(2, dillon.sentences().size());
        assertEquals(dillon.sentences().get(0).text() + " " + dillon.sentences().get(1).text(), dillon.text());
    }

    @Test
    void keepsFactsPastTheEndOfTheirParagraph() {
        QaExample hubertus = example("e2d3bbb60bd911eba7f7acde48001122");
        assertEquals(new SupportingFact("Prince Hubertus of Hohenzollern", 2), hubertus.supportingFacts().get(0));
        Document paragraph = hubertus.paragraphs().stream()
                .filter(p -> p.title().equals("Prince Hubertus of Hohenzollern")).findFirst().orElseThrow();
        assertEquals(2, paragraph.sentences().size());
        long pastTheEnd = examples.stream().mapToLong(e -> e.supportingFacts().stream()
                .filter(f -> e.paragraphs().stream().anyMatch(p -> p.title().equals(f.title())
                        && f.sentence() >= p.sentences().size()))
                .count()).sum();
        assertEquals(6, pastTheEnd);
    }

    @Test
    void countsTheFourTypes() {
        assertEquals(227, count("compositional"));
        assertEquals(162, count("comparison"));
        assertEquals(19, count("inference"));
        assertEquals(92, count("bridge_comparison"));
        assertEquals(1184, examples.stream().mapToInt(e -> e.supportingParagraphs().size()).sum());
    }

    private long count(String type) {
        return examples.stream().filter(e -> e.type().equals(type)).count();
    }
}
