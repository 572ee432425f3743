package compactqa.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RetrievalScoresTest {

    /** A ranking of paragraphs each known by one identifier. */
    private static List<Set<String>> ranking(String... ids) {
        return Arrays.stream(ids).map(Set::of).toList();
    }

    @Test
    void recallAndReciprocalRankByHand() {
        RetrievalScores s = new RetrievalScores();
        // q1: gold at ranks 1 and 3 -> both from k=5 (not k=2), any from k=2, RR 1
        s.add(ranking("A", "x", "B", "y", "z"), Set.of("A", "B"));
        // q2: one gold at rank 6, the other missing -> never both, any from k=10, RR 1/6
        s.add(ranking("a", "b", "c", "d", "e", "C", "f"), Set.of("C", "D"));
        // q3: nothing retrieved (a query of stop words) -> zeros
        s.add(List.of(), Set.of("E", "F"));
        assertEquals(3, s.questions());
        assertEquals(Map.of("2", 0.0, "5", 0.3333, "10", 0.3333, "20", 0.3333), s.recallBoth());
        assertEquals(Map.of("2", 0.3333, "5", 0.3333, "10", 0.6667, "20", 0.6667), s.recallAny());
        assertEquals(0.3889, s.mrr()); // (1 + 1/6 + 0) / 3
    }

    @Test
    void goldIsMatchedByAnyOfAParagraphsIdentifiers() {
        RetrievalScores s = new RetrievalScores();
        // the first gold is known by content key, the second (absent from its question's context) by title
        s.add(List.of(Set.of("key:1", "title:X"), Set.of("key:2", "title:Y"), Set.of("key:3", "title:Z")),
                Set.of("key:3", "title:Y"));
        assertEquals(0.0, s.recallBoth().get("2"));
        assertEquals(1.0, s.recallBoth().get("5"));
        assertEquals(0.5, s.mrr()); // first gold found at rank 2
    }

    @Test
    void aParagraphSharingATitleWithTheGoldDoesNotCountWhenGoldIsKnownByKey() {
        RetrievalScores s = new RetrievalScores();
        // MuSiQue contexts hold different paragraphs under one title: only the gold one's key counts
        s.add(List.of(Set.of("key:9", "title:Same")), Set.of("key:1"));
        assertEquals(0.0, s.recallAny().get("20"));
    }

    @Test
    void questionsWithoutGoldCannotBeScored() {
        assertThrows(IllegalArgumentException.class, () -> new RetrievalScores().add(ranking("A"), Set.of()));
    }

    @Test
    void emptyScoresAreZero() {
        assertEquals(0.0, new RetrievalScores().mrr());
        assertEquals(0.0, new RetrievalScores().recallBoth().get("20"));
    }
}
