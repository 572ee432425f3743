package compactqa.qa;

import java.util.List;

import compactqa.model.CompressorModel;

/**
 * Scores sentences for a question given the evidence so far: the trained compressor
 * ({@code CompressorModel::score}) in the service, hand-made probabilities in tests.
 */
@FunctionalInterface
public interface SentenceScorer {

    /**
     * The scores of each passage, in order, as probabilities.
     *
     * @param evidence  the evidence sentences so far, strongest first
     * @param passages  each passage's title and sentences
     */
    List<CompressorModel.PassageScores> score(String question, List<String> evidence, List<CompressorModel.Passage> passages);
}
