package compactqa.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import compactqa.corpus.Document;
import compactqa.dataset.QaExample.AnswerSpan;

/** The official SQuAD v1.1 dev file, byte for byte. */
class SquadDevTest extends DatasetLoaderContractTest {

    @Override
    protected Path file() {
        return data("squad/squad-v1.1-dev.json.gz");
    }

    @Override
    protected DatasetFormat expectedFormat() {
        return DatasetFormat.SQUAD;
    }

    @Override
    protected int expectedCount() {
        return 10_570;
    }

    @Test
    void readsTheFirstQuestionAsPublished() {
        QaExample first = examples.get(0);
        assertEquals("56be4db0acb8001400a502ec", first.id());
        assertEquals("Which NFL team represented the AFC at Super Bowl 50?", first.question());
        assertEquals(List.of("Denver Broncos"), first.answers());
        // three annotators gave the same span: it is one span
        assertEquals(List.of(new AnswerSpan(0, 177, "Denver Broncos")), first.answerSpans());
        assertEquals(List.of(0), first.supportingParagraphs());
        assertEquals(List.of("Super Bowl 50"), first.supportingTitles());
        Document context = first.paragraphs().get(0);
        assertEquals("Super Bowl 50", context.title());
        assertEquals(context.contentKey(), context.id());
        assertEquals("Denver Broncos", context.text().substring(177, 177 + 14));
    }

    @Test
    void sharesOneContextDocumentAmongItsQuestions() {
        assertSame(examples.get(0).paragraphs().get(0), examples.get(1).paragraphs().get(0));
        Set<String> contexts = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (QaExample e : examples) {
            contexts.add(e.paragraphs().get(0).id());
            titles.add(e.paragraphs().get(0).title());
        }
        assertEquals(2067, contexts.size());
        assertEquals(48, titles.size());
    }

    @Test
    void countsDistinctAnswersAndSpans() {
        assertEquals(18_015, examples.stream().mapToInt(e -> e.answers().size()).sum());
        assertEquals(18_216, examples.stream().mapToInt(e -> e.answerSpans().size()).sum());
    }
}
