package compactqa.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

import compactqa.corpus.Document;
import compactqa.corpus.ReaderContext;
import compactqa.corpus.Sentence;
import compactqa.dataset.QaExample;
import compactqa.eval.QaMethod.Kind;
import compactqa.model.ReaderModel;
import compactqa.qa.Answerer;
import compactqa.qa.CompressionSettings;
import compactqa.qa.EvidenceSentence;
import compactqa.qa.Retriever;

/**
 * The methods the QA benchmark compares, all reading with the same reader:
 * <ul>
 * <li>{@code active}: active compression, as the service answers (in the open setting, with a second
 * search after the first step where the request asks for two hops);
 * <li>{@code single_pass}: every document scored once with no evidence, the best sentences kept under
 * the same budget, no iteration and no early stop (extractive compression in the RECOMP manner);
 * <li>{@code raw}: the reader over all the documents, in sliding windows;
 * <li>{@code oracle}: the reader over the gold supporting sentences (or paragraphs, where only those
 * are labeled) of the question's own file, whether or not retrieval found them: the reader's bound.
 * </ul>
 */
final class QaMethods {

    private QaMethods() {
    }

    /** Every method, by kind, in the order of {@link Kind}. */
    static Map<Kind, QaMethod> all(Answerer answerer, ReaderModel reader, CompressionSettings settings, ToIntFunction<String> tokens) {
        Map<Kind, QaMethod> methods = new EnumMap<>(Kind.class);
        methods.put(Kind.ACTIVE, new Compressing(false, answerer, settings));
        methods.put(Kind.SINGLE_PASS, new Compressing(true, answerer, settings));
        methods.put(Kind.RAW, new Raw(reader, tokens));
        methods.put(Kind.ORACLE, new Oracle(answerer, tokens));
        return methods;
    }

    /** The active method alone, answering with {@code answerer}: the same loop with other models. */
    static QaMethod active(Answerer answerer, CompressionSettings settings) {
        return new Compressing(false, answerer, settings);
    }

    /**
     * The outcome of an answer, its supporting facts those it names; a benchmark answers always (no
     * confidence threshold), as the service does by default.
     */
    private static QaMethod.Outcome outcome(Answerer.Answer a, int steps) {
        Set<QaExample.SupportingFact> facts = new LinkedHashSet<>();
        Set<String> titles = new LinkedHashSet<>();
        for (EvidenceSentence e : a.compressed().supporting()) {
            facts.add(new QaExample.SupportingFact(e.title(), e.sentence()));
            titles.add(e.title());
        }
        return new QaMethod.Outcome(a.text(), facts, titles, a.compressed().evidenceTokens(), steps, a.compressionMs(), a.readerMs());
    }

    /** {@code active}, or {@code single_pass}: the same compressor and reader, the latter in one pass. */
    private record Compressing(boolean singlePass, Answerer answerer, CompressionSettings settings) implements QaMethod {
        @Override
        public Outcome answer(QaExample q, List<Document> documents, double[] scores, Retriever retriever, int hops) {
            if (singlePass) {
                // one segment holding every document, one step, and a sufficiency threshold that never stops it early
                CompressionSettings once = new CompressionSettings(Math.max(1, documents.size()), 1, settings.budgetTokens(),
                        settings.sentenceThreshold(), 1.0, false, settings.supportThreshold());
                return outcome(answerer.answer(q.question(), documents, scores, once, 0), 1);
            }
            Answerer.Answer a = answerer.answer(q.question(), documents, scores, settings, 0, retriever, hops);
            return outcome(a, a.compressed().steps().size());
        }
    }

    private record Raw(ReaderModel reader, ToIntFunction<String> tokens) implements QaMethod {
        @Override
        public Outcome answer(QaExample q, List<Document> documents, double[] scores, Retriever retriever, int hops) {
            long start = System.nanoTime();
            String context = ReaderContext.of(documents.stream().map(d -> new ReaderContext.Passage(d.title(), d.text())).toList());
            String answer = reader.answer(q.question(), context).text();
            double readerMs = (System.nanoTime() - start) / 1e6;
            Set<QaExample.SupportingFact> facts = new LinkedHashSet<>();
            Set<String> titles = new LinkedHashSet<>();
            int used = 0;
            for (Document d : documents) {
                titles.add(d.title());
                for (int i = 0; i < d.sentences().size(); i++) {
                    facts.add(new QaExample.SupportingFact(d.title(), i));
                    used += tokens.applyAsInt(d.sentences().get(i).text());
                }
            }
            return new Outcome(answer, facts, titles, used, 0, 0, readerMs);
        }
    }

    private record Oracle(Answerer answerer, ToIntFunction<String> tokens) implements QaMethod {
        @Override
        public Outcome answer(QaExample q, List<Document> documents, double[] scores, Retriever retriever, int hops) {
            // the gold paragraphs as the question's file has them, whatever the retrieval found: the
            // reader's upper bound (a gold paragraph missing from the file is missing here too)
            Set<String> goldTitles = new HashSet<>(q.supportingTitles());
            List<EvidenceSentence> evidence = new ArrayList<>();
            int rank = 0;
            for (Document d : q.paragraphs()) {
                rank++;
                if (!goldTitles.contains(d.title())) {
                    continue;
                }
                for (int i = 0; i < d.sentences().size(); i++) {
                    boolean gold = !q.hasSentenceSupport()
                            || q.supportingFacts().contains(new QaExample.SupportingFact(d.title(), i));
                    Sentence s = d.sentences().get(i);
                    if (gold && !s.text().isBlank()) {
                        evidence.add(new EvidenceSentence(d.id(), d.title(), rank, i, s.start(), s.end(), s.text(), 1,
                                tokens.applyAsInt(s.text()), 0));
                    }
                }
            }
            return outcome(answerer.read(q.question(), evidence, 0), 0);
        }
    }
}
