package compactqa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RetrievalScoresTest {

    @Test
    void recallAndReciprocalRankByHand() {
        RetrievalScores s = new RetrievalScores();
        // q1: gold at ranks 1 and 3 -> both from k=5 (not k=2), any from k=2, RR 1
        s.add(List.of("A", "x", "B", "y", "z"), Set.of("A", "B"));
        // q2: one gold at rank 6, the other missing -> never both, any from k=10, RR 1/6
        s.add(List.of("a", "b", "c", "d", "e", "C", "f"), Set.of("C", "D"));
        // q3: nothing retrieved (a query of stop words) -> zeros
        s.add(List.of(), Set.of("E", "F"));
        assertEquals(3, s.questions());
        assertEquals(Map.of("2", 0.0, "5", 0.3333, "10", 0.3333, "20", 0.3333), s.recallBoth());
        assertEquals(Map.of("2", 0.3333, "5", 0.3333, "10", 0.6667, "20", 0.6667), s.recallAny());
        assertEquals(0.3889, s.mrr()); // (1 + 1/6 + 0) / 3
    }

    @Test
    void questionsWithoutGoldCannotBeScored() {
        assertThrows(IllegalArgumentException.class, () -> new RetrievalScores().add(List.of("A"), Set.of()));
    }

    @Test
    void emptyScoresAreZero() {
        assertEquals(0.0, new RetrievalScores().mrr());
        assertEquals(0.0, new RetrievalScores().recallBoth().get("20"));
    }
}
