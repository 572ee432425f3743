package compactqa.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import compactqa.corpus.Document;
import compactqa.index.SearchHit;

class SecondHopTest {

    private static SearchHit hit(int rank, String id) {
        return new SearchHit(rank, 1f, Document.fromSentences(id, id, List.of(id + " text."), "test"), "");
    }

    @Test
    void theQueryIsTheQuestionThenEachTitleOnceThenTheEvidence() {
        assertEquals("Who? A B s1 s2", SecondHop.query("Who?", List.of("A", "B", "A"), List.of("s1", "s2")));
    }

    @Test
    void fusesBothHopsByReciprocalRankAndRenumbersTheRanks() {
        List<SearchHit> first = List.of(hit(1, "a"), hit(2, "b"), hit(3, "c"));
        List<SearchHit> second = List.of(hit(1, "c"), hit(2, "d"), hit(3, "a"));
        List<SearchHit> fused = SecondHop.fuse(List.of(first, second), 3);
        // a: 1/61 + 1/63, c: 1/63 + 1/61 (tie: a seen first), b: 1/62, d: 1/62
        assertEquals(List.of("a", "c", "b"), fused.stream().map(h -> h.document().id()).toList());
        assertEquals(List.of(1, 2, 3), fused.stream().map(SearchHit::rank).toList());
        assertEquals(1.0 / 61 + 1.0 / 63, fused.get(0).score(), 1e-6);
    }
}
