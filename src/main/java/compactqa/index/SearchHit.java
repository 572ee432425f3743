package compactqa.index;

import compactqa.corpus.Document;

/**
 * One ranked result.
 *
 * @param rank     1-based position in the ranking
 * @param score    BM25 score
 * @param document the paragraph, with its sentences
 * @param snippet  the best-matching passage of the text, HTML-escaped, with query terms marked
 *                 {@code <b>...</b>}; the text's opening if no term matched the text
 */
public record SearchHit(int rank, float score, Document document, String snippet) {
}
