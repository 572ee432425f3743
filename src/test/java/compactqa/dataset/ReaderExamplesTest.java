package compactqa.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import compactqa.corpus.AnswerType;
import compactqa.corpus.Document;

class ReaderExamplesTest {

    private static final Document TEMPLE = Document.fromSentences("a", "Shirley Temple",
            List.of("Shirley Temple was an actress.", " She was Chief of Protocol."), "t");
    private static final Document KISS = Document.fromSentences("b", "Kiss and Tell",
            List.of("Kiss and Tell stars Shirley Temple."), "t");
    private static final Document OTHER = Document.fromSentences("c", "Other", List.of("Nothing here."), "t");

    private static QaExample multiHop(String answer) {
        return new QaExample("q1", "What office did the star of Kiss and Tell hold?", List.of(answer), "bridge",
                List.of(OTHER, KISS, TEMPLE), List.of(1, 2), List.of("Kiss and Tell", "Shirley Temple"), List.of(), List.of(), "hotpotqa");
    }

    @Test
    void multiHopContextIsTheTitledSupportInOrder() {
        ReaderExample e = ReaderExamples.of(multiHop("Chief of Protocol")).orElseThrow();
        assertEquals("Kiss and Tell: Kiss and Tell stars Shirley Temple. Shirley Temple: Shirley Temple was an actress. "
                + "She was Chief of Protocol.", e.context());
        assertEquals(AnswerType.SPAN, e.type());
        assertEquals("Chief of Protocol", e.context().substring(e.answerStart(), e.answerStart() + e.answerText().length()));
    }

    @Test
    void answersAreFoundCaseInsensitivelyAtWordBoundaries() {
        assertEquals(11, ReaderExamples.find("He said: **Paris** is big", "paris"));
        assertEquals(-1, ReaderExamples.find("Parisian food", "Paris"), "not inside a longer word");
        assertEquals(10, ReaderExamples.find("Parisian, Paris", "paris"));
        assertTrue(ReaderExamples.of(multiHop("Ambassador to Mars")).isEmpty(), "an answer not in the support is left out");
    }

    @Test
    void yesAndNoAnswersBecomeTheirType() {
        ReaderExample e = ReaderExamples.of(multiHop("Yes")).orElseThrow();
        assertEquals(AnswerType.YES, e.type());
        assertEquals(-1, e.answerStart());
        assertEquals(AnswerType.NO, ReaderExamples.of(multiHop("no.")).orElseThrow().type());
    }

    @Test
    void squadUsesItsOwnOffsetsAndNoTitle() {
        Document p = Document.fromSentences("p", "Super Bowl 50", List.of("Denver won.", " Denver won again."), "t");
        QaExample q = new QaExample("s1", "Who won again?", List.of("Denver"), "", List.of(p), List.of(0), List.of("Super Bowl 50"),
                List.of(), List.of(new QaExample.AnswerSpan(0, 12, "Denver")), "squad");
        ReaderExample e = ReaderExamples.of(q).orElseThrow();
        assertEquals(12, e.answerStart(), "the second Denver, as annotated, not the first occurrence");
        assertEquals("Denver won. Denver won again.", e.context());
    }
}
