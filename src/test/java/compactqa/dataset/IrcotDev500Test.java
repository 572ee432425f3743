package compactqa.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import compactqa.corpus.Document;

/** HotpotQA dev (distractor) in IRCoT's processed JSONL: paragraph-level support only. */
class IrcotDev500Test extends DatasetLoaderContractTest {

    @Override
    protected Path file() {
        return data("hotpotqa/dev-500.ircot.jsonl.gz");
    }

    @Override
    protected DatasetFormat expectedFormat() {
        return DatasetFormat.IRCOT;
    }

    @Override
    protected int expectedCount() {
        return 500;
    }

    @Test
    void readsTheFirstQuestionAsPublished() {
        QaExample first = examples.get(0);
        assertEquals("5a8c7595554299585d9e36b6", first.id());
        assertEquals("What government position was held by the woman who portrayed Corliss Archer in the film Kiss and Tell?",
                first.question());
        assertEquals(List.of("Chief of Protocol"), first.answers());
        assertEquals("", first.type());
        assertEquals(List.of(1, 6), first.supportingParagraphs());
        assertEquals(List.of("Shirley Temple", "Kiss and Tell (1945 film)"), first.supportingTitles());
        assertTrue(first.supportingFacts().isEmpty());
    }

    @Test
    void splitsParagraphsIntoSentences() {
        Document archer = examples.get(0).paragraphs().get(0);
        assertEquals("Meet Corliss Archer", archer.title());
        assertTrue(archer.sentences().size() >= 2, () -> sentences(archer).toString());
        assertEquals("Meet Corliss Archer, a program from radio's Golden Age, ran from January 7, 1943 to September 30, 1956.",
                archer.sentences().get(0).text());
    }

    @Test
    void countsParagraphsAndSupport() {
        assertEquals(4931, examples.stream().mapToInt(e -> e.paragraphs().size()).sum());
        assertEquals(1000, examples.stream().mapToInt(e -> e.supportingParagraphs().size()).sum());
        assertEquals(489, examples.stream().filter(e -> e.paragraphs().size() == 10).count());
    }
}
