package compactqa.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import compactqa.corpus.Document;
import compactqa.corpus.Sentence;
import compactqa.dataset.QaExample;
import compactqa.dataset.ReaderExamples;

/**
 * Turns data set questions into compressor examples, one per candidate paragraph and evidence.
 *
 * <p>Each supporting paragraph, and up to {@code negatives} sampled distractors ({@code 0}: every
 * distractor the question has), is an example with no evidence; supporting paragraphs (and half of
 * the distractors) appear again with, as evidence, the supporting sentences of another supporting
 * paragraph, so that the model learns the second hop of a bridge question; and, half the time
 * each, a distractor and a supporting paragraph come with evidence that already holds every
 * supporting fact, labeled sufficient. Sentence labels come from sentence-level supporting facts (HotpotQA,
 * 2Wiki) or from the sentence holding the answer (SQuAD, NQ); MuSiQue and IRCoT label paragraphs
 * only. Single-paragraph questions (SQuAD, NQ) take their distractors from {@code pool}.
 */
public final class CompressorExamples {

    private CompressorExamples() {
    }

    /** The examples of {@code e}; {@code pool} supplies distractors to questions that have none. */
    public static List<CompressorExample> of(QaExample e, List<Document> pool, int negatives, Random random) {
        return of(e, pool, List.of(), negatives, random);
    }

    /**
     * The examples of {@code e}; {@code pool} supplies distractors to questions that have none, every
     * other one from {@code sameArticle} (the other paragraphs of the question's article) where it
     * has any.
     */
    public static List<CompressorExample> of(QaExample e, List<Document> pool, List<Document> sameArticle, int negatives,
                                             Random random) {
        List<Integer> gold = e.supportingParagraphs();
        if (gold.isEmpty() || e.paragraphs().isEmpty()) {
            return List.of();
        }
        List<Document> candidates = new ArrayList<>();
        Set<Integer> goldSet = new HashSet<>(gold);
        gold.forEach(i -> candidates.add(e.paragraphs().get(i)));
        List<Document> distractors = new ArrayList<>();
        for (int i = 0; i < e.paragraphs().size(); i++) {
            if (!goldSet.contains(i)) {
                distractors.add(e.paragraphs().get(i));
            }
        }
        if (distractors.isEmpty()) {
            for (int tries = 0; tries < 10 * Math.max(1, negatives) && distractors.size() < Math.max(1, negatives); tries++) {
                List<Document> from = !sameArticle.isEmpty() && tries % 2 == 0 ? sameArticle : pool;
                Document d = from.get(random.nextInt(from.size()));
                if (!d.text().equals(e.paragraphs().get(gold.get(0)).text()) && !distractors.contains(d)) {
                    distractors.add(d);
                }
            }
        }
        Collections.shuffle(distractors, random);
        if (negatives > 0 && distractors.size() > negatives) {
            distractors = distractors.subList(0, negatives);
        }
        List<CompressorExample> examples = new ArrayList<>();
        for (Document p : candidates) {
            examples.add(example(e, p, List.of(), true, gold.size() == 1));
            Document other = otherGold(e, p, random);
            if (other != null) {
                examples.add(example(e, p, List.of(other), true, gold.size() == 2));
            }
        }
        for (Document d : distractors) {
            examples.add(example(e, d, List.of(), false, false));
            if (gold.size() > 1 && random.nextBoolean()) {
                examples.add(example(e, d, List.of(e.paragraphs().get(gold.get(random.nextInt(gold.size())))), false, false));
            }
        }
        // evidence that already holds every supporting fact is sufficient whatever paragraph comes next:
        // the question the loop asks once both hops were found in an earlier segment
        List<Document> allGold = gold.stream().map(i -> e.paragraphs().get(i)).toList();
        if (!distractors.isEmpty() && random.nextBoolean()) {
            examples.add(example(e, distractors.get(random.nextInt(distractors.size())), allGold, false, true));
        }
        if (random.nextBoolean()) {
            examples.add(example(e, allGold.get(random.nextInt(allGold.size())), allGold, true, true));
        }
        return examples;
    }

    private static CompressorExample example(QaExample e, Document p, List<Document> evidenceFrom, boolean relevant,
                                             boolean sufficient) {
        List<String> sentences = p.sentences().stream().map(Sentence::text).toList();
        List<String> evidence = new ArrayList<>();
        evidenceFrom.forEach(d -> evidence.addAll(supportingSentences(e, d)));
        return new CompressorExample(e.question(), evidence, p.title(), sentences, labels(e, p, relevant), relevant, sufficient);
    }

    /** A supporting paragraph other than {@code p}, at random, or null if there is none. */
    private static Document otherGold(QaExample e, Document p, Random random) {
        List<Document> others = e.supportingParagraphs().stream().map(i -> e.paragraphs().get(i))
                .filter(d -> d != p).toList();
        return others.isEmpty() ? null : others.get(random.nextInt(others.size()));
    }

    /** The sentences of {@code p} that support the question; its first two where only paragraphs are labeled. */
    static List<String> supportingSentences(QaExample e, Document p) {
        int[] labels = labels(e, p, true);
        List<String> out = new ArrayList<>();
        if (labels != null) {
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == 1) {
                    out.add(p.sentences().get(i).text());
                }
            }
        }
        if (out.isEmpty()) {
            p.sentences().stream().limit(2).map(Sentence::text).forEach(out::add);
        }
        return out;
    }

    /** Sentence labels of {@code p}, or null where the data set labels only paragraphs. */
    static int[] labels(QaExample e, Document p, boolean relevant) {
        int[] labels = new int[p.sentences().size()];
        if (!relevant) {
            return labels;
        }
        if (e.hasSentenceSupport()) {
            for (QaExample.SupportingFact f : e.supportingFacts()) {
                if (f.title().equals(p.title()) && f.sentence() < labels.length) {
                    labels[f.sentence()] = 1;
                }
            }
            return labels;
        }
        if (!e.answerSpans().isEmpty() || e.dataset().equals("nq-oracle")) {
            int at = e.answerSpans().isEmpty() ? ReaderExamples.find(p.text(), e.answer()) : e.answerSpans().get(0).start();
            for (int i = 0; i < labels.length && at >= 0; i++) {
                Sentence s = p.sentences().get(i);
                if (at >= s.start() && at < Math.max(s.end(), s.start() + 1)) {
                    labels[i] = 1;
                    return labels;
                }
            }
            return null;
        }
        return null;
    }
}
