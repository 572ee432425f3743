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
        List<SearchHit> fused = SecondHop.fuse(List.of(first, second), new double[] {1, 1}, 3);
        // a: 1/61 + 1/63, c: 1/63 + 1/61 (tie: a seen first), b: 1/62, d: 1/62
        assertEquals(List.of("a", "c", "b"), fused.stream().map(h -> h.document().id()).toList());
        assertEquals(List.of(1, 2, 3), fused.stream().map(SearchHit::rank).toList());
        assertEquals(1.0 / 61 + 1.0 / 63, fused.get(0).score(), 1e-6);
    }

    @Test
    void afterTheFirstHopTheQueryIsSearchedAndItsNamedTitlesFollowedEachByItsWeight() {
        List<SearchHit> first = List.of(hit(1, "a"), hit(2, "b"));
        List<String> asked = new java.util.ArrayList<>();
        List<SearchHit> fused = new SecondHop(1, 2).after(first, "q", q -> {
            asked.add("search " + q);
            return List.of(hit(1, "c"));
        }, q -> {
            asked.add("mentioned " + q);
            return List.of(hit(1, "d"));
        }, 4);
        assertEquals(List.of("search q", "mentioned q"), asked);
        // d: 2/61 ahead of a and c (1/61 each; a seen first), then b
        assertEquals(List.of("d", "a", "c", "b"), fused.stream().map(h -> h.document().id()).toList());
    }

    @Test
    void aWeightOfZeroAsksNothingAndAnEmptyFirstHopIsLeftOut() {
        List<SearchHit> fused = new SecondHop(0, 1).after(List.of(), "q", q -> {
            throw new AssertionError("the search weighs nothing and is not asked");
        }, q -> List.of(hit(1, "d"), hit(2, "e")), 5);
        assertEquals(List.of("d", "e"), fused.stream().map(h -> h.document().id()).toList());
        assertEquals(List.of(1, 2), fused.stream().map(SearchHit::rank).toList());
    }

    @Test
    void weightsAreWrittenQueryColonLinks() {
        assertEquals(new SecondHop(0.5, 2), SecondHop.parse("0.5:2"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> SecondHop.parse("1"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> SecondHop.parse("a:b"));
        assertEquals("query=0 links=1.5", new SecondHop(0, 1.5).label());
    }

    @Test
    void weightsMustBeFiniteNonNegativeAndNotBothZero() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new SecondHop(0, 0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new SecondHop(-1, 1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new SecondHop(1, Double.NaN));
    }
}
