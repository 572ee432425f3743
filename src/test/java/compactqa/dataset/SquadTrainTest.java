package compactqa.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * SQuAD v1.1 train as rebuilt in ../shared/data: its offsets count code points, so the 8 answers
 * after a character outside the Basic Multilingual Plane must still be found at their offsets.
 */
class SquadTrainTest extends DatasetLoaderContractTest {

    @Override
    protected Path file() {
        return data("squad/squad-v1.1-train.json.gz");
    }

    @Override
    protected DatasetFormat expectedFormat() {
        return DatasetFormat.SQUAD;
    }

    @Override
    protected int expectedCount() {
        return 87_599;
    }

    @Test
    void findsEveryAnswerAtItsOffsetPastSupplementaryCharacters() {
        Set<String> titles = new HashSet<>();
        int pastSupplementary = 0;
        for (QaExample e : examples) {
            titles.add(e.paragraphs().get(0).title());
            QaExample.AnswerSpan span = e.answerSpans().get(0);
            String text = e.paragraphs().get(0).text();
            assertTrue(text.startsWith(span.text(), span.start()), e.id());
            if (text.codePointCount(0, span.start()) != span.start()) {
                pastSupplementary++;
            }
        }
        assertEquals(442, titles.size());
        assertEquals(8, pastSupplementary, "the README of the data counts 8 such answers");
    }

    @Test
    void convertsCodePointOffsetsToCharIndices() {
        String text = "\uD869\uDEA5 is a character; so is A.";
        assertEquals(3, SquadParser.charOffset(text, 2));
        assertEquals(-1, SquadParser.charOffset(text, 100));
        assertEquals(-1, SquadParser.charOffset(text, -1));
    }
}
