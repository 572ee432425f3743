package compactqa.qa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import compactqa.index.HybridRanking;
import compactqa.index.SearchHit;

/**
 * The second retrieval of a multi-hop question. The paragraph a bridge question needs second is
 * usually named only by the first one ("the woman who portrayed Corliss Archer" is Shirley Temple
 * only in the film's paragraph), so no single query over the question finds it; CompAct and IRCoT
 * retrieve again with what they have read. The second query is the question with the evidence of
 * the first hop and the titles it comes from; the rankings of both hops are fused by reciprocal
 * rank ({@link HybridRanking#DEFAULT}'s offset), each weighing the same. Stateless.
 */
public final class SecondHop {

    private SecondHop() {
    }

    /** The question followed by the first hop's evidence: each title once, then the sentences. */
    public static String query(String question, List<String> titles, List<String> sentences) {
        StringBuilder q = new StringBuilder(question);
        titles.stream().distinct().forEach(t -> q.append(' ').append(t));
        sentences.forEach(s -> q.append(' ').append(s));
        return q.toString();
    }

    /** The top {@code k} of the rankings fused by reciprocal rank, by paragraph id; ranks renumbered. */
    public static List<SearchHit> fuse(List<List<SearchHit>> rankings, int k) {
        double[] equal = new double[rankings.size()];
        Arrays.fill(equal, 1.0);
        List<HybridRanking.Fused<SearchHit>> fused = HybridRanking.DEFAULT.fuse(rankings, equal, h -> h.document().id(), k);
        List<SearchHit> hits = new ArrayList<>(fused.size());
        for (HybridRanking.Fused<SearchHit> f : fused) {
            hits.add(new SearchHit(hits.size() + 1, (float) f.score(), f.item().document(), f.item().snippet()));
        }
        return hits;
    }
}
