/**
 * Question-answering data sets: one example shape and the readers of every format.
 *
 * <p>HotpotQA and 2WikiMultihopQA official, IRCoT, MuSiQue, SQuAD, NQ in DPR form and HotpotQA
 * gold sentences all load into one {@link compactqa.dataset.QaExample} through
 * {@link compactqa.dataset.DatasetLoader}, the format recognised from content so that unseen files
 * in the same formats load too. {@link compactqa.dataset.ReaderExamples} lays a question out as the
 * reader learns from it; {@link compactqa.dataset.DataSplits} keeps held-out articles apart. Depends
 * only on {@code corpus}: training and benchmarks both read it.
 */
package compactqa.dataset;
