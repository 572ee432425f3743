/**
 * Documents, sentences and the readers of corpus formats.
 *
 * <p>A {@link compactqa.corpus.Document} is a titled paragraph split into sentences with character
 * offsets; the offsets are what evidence and supporting facts point into. Sentences come from the
 * source where it has them (HotpotQA and 2WikiMultihopQA ship sentence lists, which their supporting
 * facts index) and from {@link compactqa.corpus.SentenceSplitter} otherwise.
 *
 * <p>Files are recognised by content ({@link compactqa.corpus.JsonShape}), never by name, and read
 * as streams, gzip or not ({@link compactqa.corpus.InputFiles}). {@link compactqa.corpus.CorpusLoader}
 * dispatches each file to the first {@link compactqa.corpus.CorpusReader} bean that accepts its
 * shape; the data set formats' reader lives in {@code dataset}, which owns those formats.
 *
 * <p>It also holds the text-level vocabulary every layer shares: how passages are laid out as the
 * reader's context ({@link compactqa.corpus.ReaderContext}) and the kinds of answer
 * ({@link compactqa.corpus.AnswerType}), so that data sets, training, the models and the pipeline
 * agree on them without depending on one another. This package depends on nothing else of the project.
 */
package compactqa.corpus;
