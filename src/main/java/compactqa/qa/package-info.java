/**
 * The question-answering pipeline: retrieve, compress actively, read.
 *
 * <p>{@link compactqa.qa.QaPipeline} takes a question (and optionally the caller's documents, which
 * {@link compactqa.qa.LexicalRanker} orders by BM25), retrieves from the index, and hands the
 * documents to {@link compactqa.qa.Answerer}: {@link compactqa.qa.ActiveCompressor} reads them in
 * segments, keeping the sentences the question needs under a token budget and stopping once the
 * evidence suffices, and the reader answers from that evidence, or withholds an answer below the
 * confidence asked for. The benchmark answers through the same {@code Answerer}.
 * {@link compactqa.qa.QaService} bounds the work (workers, queue, deadline);
 * {@link compactqa.qa.QaModels} owns the loaded reader and compressor and swaps them safely.
 * Sees models only through their domain objects (probabilities, predictions), never tensors.
 */
package compactqa.qa;
