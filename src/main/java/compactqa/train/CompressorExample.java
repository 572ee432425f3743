package compactqa.train;

import java.util.List;

/**
 * A paragraph to score for a question, given the evidence selected so far, with its labels.
 *
 * @param question       the question
 * @param evidence       sentences already selected (possibly none)
 * @param title          the paragraph's title
 * @param sentences      the paragraph's sentences
 * @param sentenceLabels 1 for each sentence needed to answer, 0 otherwise; null where the data set
 *                       labels only whole paragraphs
 * @param relevant       whether the paragraph is one of the question's supporting paragraphs
 * @param sufficient     whether the evidence and this paragraph together hold every supporting fact
 */
public record CompressorExample(String question, List<String> evidence, String title, List<String> sentences,
                                int[] sentenceLabels, boolean relevant, boolean sufficient) {

    public CompressorExample {
        evidence = List.copyOf(evidence);
        sentences = List.copyOf(sentences);
        if (sentenceLabels != null && sentenceLabels.length != sentences.size()) {
            throw new IllegalArgumentException("one label per sentence is needed");
        }
    }
}
