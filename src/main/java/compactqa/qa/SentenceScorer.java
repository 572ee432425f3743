package compactqa.qa;

import java.util.List;

/**
 * Scores sentences for a question given the evidence so far: the trained compressor in the
 * service, hand-made scores in tests.
 */
@FunctionalInterface
public interface SentenceScorer {

    /** One passage's scores, as logits: one per sentence (NaN for unscored ones), and sufficiency. */
    record Scores(double[] sentences, double sufficiency) {
    }

    /**
     * The scores of each passage, in order.
     *
     * @param evidence  the evidence sentences so far, in reading order
     * @param passages  each passage's title and sentences
     */
    List<Scores> score(String question, List<String> evidence, List<Passage> passages);

    /** A passage to score. */
    record Passage(String title, List<String> sentences) {
    }
}
