package compactqa.qa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import compactqa.index.SearchHit;

/**
 * The second retrieval of a multi-hop question. The paragraph a bridge question needs second is
 * usually named only by the first one ("the woman who portrayed Corliss Archer" is Shirley Temple
 * only in the film's paragraph), so no single query over the question finds it; CompAct and IRCoT
 * retrieve again with what they have read. The second query is the question with the evidence of
 * the first hop and the titles it comes from; the rankings of both hops are fused by reciprocal
 * rank, each weighing the same. Stateless.
 */
public final class SecondHop {

    /** The rank offset of the fusion, as in {@link compactqa.index.HybridRanking#DEFAULT}. */
    static final int RRF_C = 60;

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
        Map<String, SearchHit> hits = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (List<SearchHit> ranking : rankings) {
            for (int i = 0; i < ranking.size(); i++) {
                SearchHit h = ranking.get(i);
                hits.putIfAbsent(h.document().id(), h);
                scores.merge(h.document().id(), 1.0 / (RRF_C + i + 1), Double::sum);
            }
        }
        List<String> order = new ArrayList<>(scores.keySet());
        order.sort(Comparator.comparingDouble((String id) -> scores.get(id)).reversed()); // stable: first seen wins ties
        List<SearchHit> fused = new ArrayList<>(Math.min(k, order.size()));
        for (int i = 0; i < order.size() && i < k; i++) {
            SearchHit h = hits.get(order.get(i));
            fused.add(new SearchHit(i + 1, scores.get(order.get(i)).floatValue(), h.document(), h.snippet()));
        }
        return fused;
    }
}
