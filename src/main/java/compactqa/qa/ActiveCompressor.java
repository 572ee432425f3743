package compactqa.qa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.ToIntFunction;
import java.util.stream.DoubleStream;

import compactqa.corpus.Document;
import compactqa.corpus.Sentence;
import compactqa.model.CompressorModel;

/**
 * Active compression after CompAct (Yoon et al., 2024): the documents are read in segments, the
 * evidence is carried forward and rewritten at every step, and reading stops as soon as the
 * evidence is complete.
 *
 * <p>At each step the segment's sentences are scored for the question given the current evidence;
 * those whose probability reaches the sentence threshold join the evidence, which then keeps the
 * strongest sentences that fit the token budget (weaker ones leave when better ones arrive). The
 * sufficiency head, which judged each of the segment's documents together with the evidence, ends
 * the reading when its best probability reaches the sufficiency threshold (a threshold of 1 never
 * does); otherwise the next segment is read, up to the maximum number of steps. Since a segment's documents are judged with
 * the evidence from before the step, a step that added evidence asks once more, of the merged
 * evidence with the document it draws most on, whether it is complete, before the next segment is
 * paid for (both hops of a question often sit in one segment). If nothing ever passed the sentence
 * threshold, the single best sentence seen becomes the evidence, so the reader always has
 * something to read. An interrupted thread stops before the next step with a
 * {@link CancellationException}. Stateless and thread-safe if the scorer is.
 */
public final class ActiveCompressor {

    /** Evidence sentences, the strongest, that a second hop's query carries. */
    static final int HOP_EVIDENCE = 3;

    private final SentenceScorer scorer;
    private final ToIntFunction<String> tokens;
    private final EvidenceSelection selection;
    // the compressor's own probabilities need no paragraph signals: skip computing them
    private final boolean signalsUsed;

    /**
     * @param tokens counts a text's word-piece tokens (the budget's unit)
     */
    public ActiveCompressor(SentenceScorer scorer, ToIntFunction<String> tokens) {
        this(scorer, tokens, EvidenceSelection.IDENTITY);
    }

    /**
     * @param selection turns the scorer's probabilities and each paragraph's signals into the sentences' final ones
     */
    public ActiveCompressor(SentenceScorer scorer, ToIntFunction<String> tokens, EvidenceSelection selection) {
        this.scorer = scorer;
        this.tokens = tokens;
        this.selection = selection;
        this.signalsUsed = !selection.isIdentity();
    }

    /**
     * Compresses {@code documents}, given in reading order (retrieval rank), for {@code question};
     * without retrieval scores, each document's is taken from its place in the order.
     */
    public CompressionResult compress(String question, List<Document> documents, CompressionSettings settings) {
        return compress(question, documents, null, settings);
    }

    /**
     * Compresses {@code documents}, given in reading order, for {@code question}.
     *
     * @param retrievalScores each document's retrieval score (BM25), or null
     */
    public CompressionResult compress(String question, List<Document> documents, double[] retrievalScores,
                                      CompressionSettings settings) {
        return compress(question, documents, retrievalScores, settings, null, 1);
    }

    /**
     * Compresses {@code documents}, given in reading order, for {@code question}; after a step that
     * kept evidence but did not end the reading, up to {@code hops - 1} times, {@code retriever} is
     * asked again with the question and that evidence ({@link SecondHop#query}), and the documents
     * it finds that were not read yet are read next.
     *
     * @param retrievalScores each document's retrieval score (BM25), or null
     * @param retriever       where a second hop searches, or null for none
     * @param hops            retrievals in all, the first included (1: none after it)
     */
    public CompressionResult compress(String question, List<Document> documents, double[] retrievalScores,
                                      CompressionSettings settings, Retriever retriever, int hops) {
        if (hops < 1) {
            throw new IllegalArgumentException("hops must be at least 1, got " + hops);
        }
        documents = new ArrayList<>(documents); // a hop inserts what it finds after the segment just read
        List<Double> retrieval = new ArrayList<>(DoubleStream.of(relativeScores(documents.size(), retrievalScores)).boxed().toList());
        Set<String> read = new HashSet<>();
        documents.forEach(d -> read.add(d.id()));
        int hopsLeft = retriever == null ? 0 : hops - 1;
        Map<Sentence, Integer> tokenCache = new HashMap<>();
        int documentTokens = 0;
        for (Document d : documents) {
            for (Sentence s : d.sentences()) {
                documentTokens += tokenCache.computeIfAbsent(s, x -> tokens.applyAsInt(x.text()));
            }
        }
        List<EvidenceSentence> evidence = new ArrayList<>();
        List<StepTrace> steps = new ArrayList<>();
        EvidenceSentence bestSeen = null;
        boolean stoppedEarly = false;
        int segments = (documents.size() + settings.segmentSize() - 1) / settings.segmentSize();
        for (int step = 1; step <= Math.min(settings.maxSteps(), segments); step++) {
            if (Thread.interrupted()) {
                // the caller's deadline passed: the remaining steps would be thrown away
                throw new CancellationException("the compression was cancelled after " + (step - 1) + " steps");
            }
            long start = System.nanoTime();
            int from = (step - 1) * settings.segmentSize();
            List<Document> segment = documents.subList(from, Math.min(documents.size(), from + settings.segmentSize()));
            // strongest first: where the scorer must cut the evidence to fit, the weakest goes
            List<String> evidenceText = evidence.stream().sorted(Comparator.comparingDouble(EvidenceSentence::score).reversed())
                    .map(EvidenceSentence::text).toList();
            List<CompressorModel.PassageScores> scores = scorer.score(question, evidenceText,
                    segment.stream().map(CompressorModel.Passage::of).toList());
            List<EvidenceSentence> pool = new ArrayList<>(evidence);
            double sufficiency = 0;
            int tokensIn = 0;
            int belowThreshold = 0;
            for (int k = 0; k < segment.size(); k++) {
                Document d = segment.get(k);
                CompressorModel.PassageScores s = scores.get(k);
                sufficiency = Math.max(sufficiency, s.sufficiency());
                ParagraphSignals signals = !signalsUsed ? ParagraphSignals.NONE : signals(question, d, evidence, retrieval.get(from + k));
                double paragraph = s.best();
                for (int i = 0; i < d.sentences().size(); i++) {
                    Sentence sentence = d.sentences().get(i);
                    int length = tokenCache.get(sentence);
                    tokensIn += length;
                    if (Double.isNaN(s.sentences()[i]) || sentence.text().isBlank()) {
                        continue;
                    }
                    double probability = selection.probability(EvidenceSelection.features(s.sentences()[i], paragraph, signals));
                    EvidenceSentence candidate = new EvidenceSentence(d.id(), d.title(), from + k + 1, i, sentence.start(), sentence.end(),
                            sentence.text(), probability, length, step);
                    if (bestSeen == null || candidate.score() > bestSeen.score()) {
                        bestSeen = candidate;
                    }
                    if (candidate.score() >= settings.sentenceThreshold()) {
                        pool.add(candidate);
                    } else {
                        belowThreshold++;
                    }
                }
            }
            List<EvidenceSentence> kept = withinBudget(pool, settings.budgetTokens());
            Set<EvidenceSentence> keptSet = new LinkedHashSet<>(kept);
            List<EvidenceSentence> dropped = pool.stream().filter(e -> !keptSet.contains(e)).toList();
            boolean added = !new LinkedHashSet<>(evidence).containsAll(kept);
            evidence = kept;
            boolean checked = false;
            // the segment's documents were judged with the evidence from before the step: where the
            // step added evidence and more is left to read, one more look tells whether it is complete
            if (settings.checkEvidence() && settings.stopsEarly() && added && sufficiency < settings.sufficiencyThreshold()
                    && step < Math.min(settings.maxSteps(), segments)) {
                sufficiency = Math.max(sufficiency, check(question, evidence, segment));
                checked = true;
            }
            int tokensOut = evidence.stream().mapToInt(EvidenceSentence::tokens).sum();
            boolean sufficient = settings.stopsEarly() && sufficiency >= settings.sufficiencyThreshold() && !evidence.isEmpty();
            StepTrace.Hop hop = null;
            List<String> segmentIds = segment.stream().map(Document::id).toList(); // before a hop changes the list under the view
            if (!sufficient && hopsLeft > 0 && !evidence.isEmpty() && step < settings.maxSteps()) {
                hopsLeft--;
                List<EvidenceSentence> strongest = evidence.stream()
                        .sorted(Comparator.comparingDouble(EvidenceSentence::score).reversed()).limit(HOP_EVIDENCE).toList();
                String query = SecondHop.query(question, strongest.stream().map(EvidenceSentence::title).toList(),
                        strongest.stream().map(EvidenceSentence::text).toList());
                Retriever.Retrieved found = retriever.search(query);
                double[] relative = relativeScores(found.documents().size(), found.scores());
                List<String> fresh = new ArrayList<>();
                int at = from + segment.size();
                for (int i = 0; i < found.documents().size() && fresh.size() < settings.segmentSize(); i++) {
                    Document d = found.documents().get(i);
                    if (read.add(d.id())) {
                        documents.add(at, d);
                        retrieval.add(at, relative[i]);
                        at++;
                        fresh.add(d.id());
                        for (Sentence s : d.sentences()) {
                            documentTokens += tokenCache.computeIfAbsent(s, x -> tokens.applyAsInt(x.text()));
                        }
                    }
                }
                segments = (documents.size() + settings.segmentSize() - 1) / settings.segmentSize();
                hop = new StepTrace.Hop(query, fresh);
            }
            steps.add(new StepTrace(step, segmentIds, List.copyOf(evidence), dropped, belowThreshold, sufficiency,
                    checked, tokensIn, tokensOut, (System.nanoTime() - start) / 1e6, hop));
            if (sufficient) {
                stoppedEarly = step < segments;
                break;
            }
        }
        EvidenceSentence fallback = null;
        if (evidence.isEmpty() && bestSeen != null) {
            // the reader still gets something to read; the trace says where it came from
            fallback = bestSeen;
            evidence = List.of(bestSeen);
        }
        return new CompressionResult(evidence, steps, stoppedEarly, documentTokens,
                evidence.stream().mapToInt(EvidenceSentence::tokens).sum(), fallback,
                CompressionResult.supporting(evidence, settings.supportThreshold()));
    }

    /**
     * The sufficiency of {@code evidence} with the document it draws most on (as the scorer was
     * trained: evidence and a paragraph), scored once.
     */
    private double check(String question, List<EvidenceSentence> evidence, List<Document> segment) {
        Map<String, Double> weight = new HashMap<>();
        evidence.forEach(e -> weight.merge(e.documentId(), e.score(), Double::sum));
        Document anchor = segment.stream().max(Comparator.comparingDouble(d -> weight.getOrDefault(d.id(), 0.0))).orElseThrow();
        List<String> text = evidence.stream().sorted(Comparator.comparingDouble(EvidenceSentence::score).reversed())
                .map(EvidenceSentence::text).toList();
        return scorer.score(question, text, List.of(CompressorModel.Passage.of(anchor))).get(0).sufficiency();
    }

    /**
     * The strongest sentences that fit {@code budget} tokens together (a sentence too long for what
     * is left is passed over for weaker, shorter ones), in reading order.
     */
    static List<EvidenceSentence> withinBudget(List<EvidenceSentence> pool, int budget) {
        List<EvidenceSentence> byScore = new ArrayList<>(pool);
        byScore.sort(Comparator.comparingDouble(EvidenceSentence::score).reversed()
                .thenComparingInt(EvidenceSentence::rank).thenComparingInt(EvidenceSentence::sentence));
        List<EvidenceSentence> kept = new ArrayList<>();
        int used = 0;
        for (EvidenceSentence e : byScore) {
            if (used + e.tokens() <= budget) {
                kept.add(e);
                used += e.tokens();
            }
        }
        kept.sort(Comparator.comparingInt(EvidenceSentence::rank).thenComparingInt(EvidenceSentence::sentence));
        return kept;
    }

    /** The signals of {@code d} given the evidence kept so far from other documents. */
    static ParagraphSignals signals(String question, Document d, List<EvidenceSentence> evidence, double retrieval) {
        List<EvidenceSentence> others = evidence.stream().filter(e -> !e.documentId().equals(d.id())).toList();
        return ParagraphSignals.of(question, d.title(), d.text(), others.stream().map(EvidenceSentence::text).toList(),
                others.stream().map(EvidenceSentence::title).distinct().toList(), retrieval);
    }

    /**
     * Each document's retrieval score over the best one's; without scores (or none positive), one
     * minus its place over the number of documents, so that the first read counts most.
     */
    static double[] relativeScores(int n, double[] scores) {
        double[] out = new double[n];
        double max = 0;
        if (scores != null) {
            if (scores.length != n) {
                throw new IllegalArgumentException("one retrieval score per document is needed");
            }
            for (double x : scores) {
                max = Math.max(max, x);
            }
        }
        for (int i = 0; i < n; i++) {
            out[i] = max > 0 ? Math.max(0, scores[i]) / max : 1 - (double) i / Math.max(1, n);
        }
        return out;
    }

}
