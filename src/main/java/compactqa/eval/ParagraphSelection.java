package compactqa.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import compactqa.corpus.Document;
import compactqa.model.CompressorModel;

/**
 * Picks the two paragraphs a compressor ranks highest for a question, as the active compression
 * loop reads: first each paragraph alone, then, with the best paragraph's best sentences as
 * evidence, the rest again. Also the one-pass choice (the two best scored alone), for comparison.
 */
public final class ParagraphSelection {

    /** Sentences of the first paragraph carried as evidence into the second step. */
    public static final int EVIDENCE_SENTENCES = 2;

    /**
     * The choice for one question.
     *
     * @param onePass       the two best paragraphs scored alone
     * @param first         the best paragraph scored alone
     * @param second        the best of the others given the first's best sentences
     * @param firstScores   the first paragraph's sentence probabilities
     * @param secondScores  the second paragraph's sentence scores given the evidence
     */
    public record Choice(List<Integer> onePass, int first, int second, double[] firstScores, double[] secondScores) {
    }

    private ParagraphSelection() {
    }

    /** Chooses among {@code paragraphs} (at least two) for {@code question}. */
    public static Choice choose(CompressorModel compressor, String question, List<Document> paragraphs) {
        if (paragraphs.size() < 2) {
            throw new IllegalArgumentException("choosing two paragraphs needs at least two");
        }
        List<CompressorModel.PassageScores> alone = compressor.score(question, List.of(), passages(paragraphs));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> alone.get(i).best()).reversed());
        int first = order.get(0);
        List<String> evidence = paragraphs.get(first).topSentences(alone.get(first).sentences(), EVIDENCE_SENTENCES);
        List<Integer> others = new ArrayList<>(order.subList(1, order.size()));
        List<CompressorModel.PassageScores> given = compressor.score(question, evidence,
                passages(others.stream().map(paragraphs::get).toList()));
        int bestOther = 0;
        for (int k = 1; k < others.size(); k++) {
            if (given.get(k).best() > given.get(bestOther).best()) {
                bestOther = k;
            }
        }
        return new Choice(List.of(order.get(0), order.get(1)), first, others.get(bestOther), alone.get(first).sentences(),
                given.get(bestOther).sentences());
    }

    static List<CompressorModel.Passage> passages(List<Document> documents) {
        return documents.stream().map(CompressorModel.Passage::of).toList();
    }
}
