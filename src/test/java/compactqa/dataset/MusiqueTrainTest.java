package compactqa.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Official MuSiQue-Ans train JSONL (100 questions, all answerable). */
class MusiqueTrainTest extends DatasetLoaderContractTest {

    @Override
    protected Path file() {
        return data("musique/train-100.jsonl.gz");
    }

    @Override
    protected DatasetFormat expectedFormat() {
        return DatasetFormat.MUSIQUE;
    }

    @Override
    protected int expectedCount() {
        return 100;
    }

    @Test
    void readsTheFirstQuestionAsPublished() {
        QaExample first = examples.get(0);
        assertEquals("2hop__150763_14904", first.id());
        assertEquals("2hop", first.type());
        assertEquals(List.of("G. Stanley Hall", "Stanley Hall"), first.answers());
        assertEquals(20, first.paragraphs().size());
        assertEquals(List.of(6, 10), first.supportingParagraphs());
        assertEquals("Journal of Mathematical Physics", first.paragraphs().get(0).title());
    }

    @Test
    void takesTheTypeFromTheIdPrefix() {
        assertEquals(68, count("2hop"));
        assertEquals(24, count("3hop1"));
        assertEquals(3, count("3hop2"));
        assertEquals(3, count("4hop1"));
        assertEquals(2, count("4hop3"));
    }

    @Test
    void supportsByParagraphEvenWhereTitlesRepeat() {
        assertEquals(2000, examples.stream().mapToInt(e -> e.paragraphs().size()).sum());
        assertEquals(237, examples.stream().mapToInt(e -> e.supportingParagraphs().size()).sum());
        // 37 questions hold two paragraphs of one title; in 2 of them both are supporting
        assertEquals(37, examples.stream().filter(e -> titles(e).size() < e.paragraphs().size()).count());
        assertEquals(2, examples.stream().filter(e -> e.supportingTitles().size() < e.supportingParagraphs().size()).count());
    }

    private long count(String type) {
        return examples.stream().filter(e -> e.type().equals(type)).count();
    }

    private static Set<String> titles(QaExample e) {
        return Set.copyOf(e.paragraphs().stream().map(p -> p.title()).toList());
    }
}
