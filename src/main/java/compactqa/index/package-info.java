/**
 * The Lucene paragraph index: building, storing and searching it.
 *
 * <p>{@link compactqa.index.IndexStore} keeps complete index generations side by side and a
 * {@code CURRENT} pointer renamed atomically into place; {@link compactqa.index.IndexBuilder} writes
 * a new generation and publishes it only after Lucene's commit, so a build that fails or is killed
 * never touches the live index. Paragraphs are deduplicated by title and text.
 *
 * <p>{@link compactqa.index.ParagraphSearcher} runs BM25 over title and text of one generation;
 * queries are plain text, analyzed like the index (the analyzer is recorded in the commit), so no
 * input is malformed. {@link compactqa.index.IndexService} is the process's live index: it swaps in
 * new generations and additions under running queries, with reference counting so none is cut off.
 */
package compactqa.index;
