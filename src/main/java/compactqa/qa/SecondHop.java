package compactqa.qa;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import compactqa.index.HybridRanking;
import compactqa.index.SearchHit;

/**
 * The second retrieval of a multi-hop question. The paragraph a bridge question needs second is
 * usually named only by the first one ("the woman who portrayed Corliss Archer" is Shirley Temple
 * only in the film's paragraph), so no single query over the question finds it; CompAct and IRCoT
 * retrieve again with what they have read. The second query is the question with the evidence of
 * the first hop and the titles it comes from. It is asked two ways: as a search over the words
 * (weighing {@code queryWeight}), and for the paragraphs whose titles it names, as a hyperlink would
 * lead to them (weighing {@code linkWeight}); the rankings are fused by reciprocal rank
 * ({@link HybridRanking#DEFAULT}'s offset) with the first hop's, which weighs 1.
 *
 * @param queryWeight the weight of the search over the second query's words (0: not asked)
 * @param linkWeight  the weight of the paragraphs the second query names (0: not asked)
 */
public record SecondHop(double queryWeight, double linkWeight) {

    /** The weights chosen on the training questions (eval/results/retrieval-train-hops.json). */
    public static final SecondHop DEFAULT = new SecondHop(0, 1);

    public SecondHop {
        if (!(queryWeight >= 0) || !(linkWeight >= 0) || Double.isInfinite(queryWeight) || Double.isInfinite(linkWeight)
                || queryWeight + linkWeight == 0) {
            throw new IllegalArgumentException("the second hop's weights must be finite, at least 0 and not both 0, got "
                    + queryWeight + " and " + linkWeight);
        }
    }

    /** Weights written {@code Q:L}, such as {@code 0:1}. */
    public static SecondHop parse(String weights) {
        String[] parts = weights.split(":");
        try {
            return new SecondHop(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            throw new IllegalArgumentException("second-hop weights are written Q:L, such as 0:1, got '" + weights + "'");
        }
    }

    /** The question followed by the first hop's evidence: each title once, then the sentences. */
    public static String query(String question, List<String> titles, List<String> sentences) {
        StringBuilder q = new StringBuilder(question);
        titles.stream().distinct().forEach(t -> q.append(' ').append(t));
        sentences.forEach(s -> q.append(' ').append(s));
        return q.toString();
    }

    /**
     * The top {@code k} of the first hop's ranking ({@code first}, empty where the caller has read
     * it already) fused with what the second query finds.
     *
     * @param search    the paragraphs a query's words find, best first
     * @param mentioned the paragraphs a text names, best first
     */
    public List<SearchHit> after(List<SearchHit> first, String query, Function<String, List<SearchHit>> search,
                                 Function<String, List<SearchHit>> mentioned, int k) {
        List<List<SearchHit>> rankings = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        if (!first.isEmpty()) {
            rankings.add(first);
            weights.add(1.0);
        }
        if (queryWeight > 0) {
            rankings.add(search.apply(query));
            weights.add(queryWeight);
        }
        if (linkWeight > 0) {
            rankings.add(mentioned.apply(query));
            weights.add(linkWeight);
        }
        return fuse(rankings, weights.stream().mapToDouble(Double::doubleValue).toArray(), k);
    }

    /**
     * The active loop's second hop over an index: the top {@code k} of what a query finds, as
     * {@link #after} with no first ranking (the loop skips the documents it holds already).
     */
    public Retriever retriever(Function<String, List<SearchHit>> search, Function<String, List<SearchHit>> mentioned, int k) {
        return query -> Retriever.Retrieved.of(after(List.of(), query, search, mentioned, k));
    }

    /** The top {@code k} of the rankings fused by reciprocal rank, by paragraph id; ranks renumbered. */
    static List<SearchHit> fuse(List<List<SearchHit>> rankings, double[] weights, int k) {
        List<HybridRanking.Fused<SearchHit>> fused = HybridRanking.DEFAULT.fuse(rankings, weights, h -> h.document().id(), k);
        List<SearchHit> hits = new ArrayList<>(fused.size());
        for (HybridRanking.Fused<SearchHit> f : fused) {
            hits.add(new SearchHit(hits.size() + 1, (float) f.score(), f.item().document(), f.item().snippet()));
        }
        return hits;
    }

    /** A short name for reports, such as {@code query=1 links=0.5}. */
    public String label() {
        return "query=" + BigDecimal.valueOf(queryWeight).stripTrailingZeros().toPlainString() + " links="
                + BigDecimal.valueOf(linkWeight).stripTrailingZeros().toPlainString();
    }
}
