package compactqa.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;

import compactqa.corpus.AnswerType;
import compactqa.corpus.Document;
import compactqa.corpus.ReaderContext;
import compactqa.corpus.Sentence;
import compactqa.dataset.QaExample;
import compactqa.dataset.ReaderExample;
import compactqa.dataset.ReaderExamples;

/**
 * Reader examples whose context looks like what the service's active compressor hands the reader:
 * not whole paragraphs but kept sentences, grouped by document, each group as {@code Title: sentences}
 * ({@link ReaderContext}), documents in no particular order (the compressor keeps them in retrieval
 * rank), with the compressor's typical mistakes mixed in: some non-supporting sentences of the gold
 * paragraphs and a sentence or two of distractor paragraphs.
 *
 * <p>The gold sentences are the data set's supporting facts where it gives them (HotpotQA, 2Wiki);
 * elsewhere the sentence holding the answer (SQuAD offsets, or the first occurrence in a supporting
 * paragraph), and for paragraph-level support without a located answer (yes / no) every sentence of
 * the supporting paragraphs. The answer is located inside the gold sentences only, never in noise.
 */
final class EvidenceContexts {

    /** Chance that a non-supporting sentence of a gold paragraph is kept, as a compressor keeps near misses. */
    static final double NEAR_MISS = 0.2;
    /** Most distractor paragraphs a context draws sentences from. */
    static final int MAX_DISTRACTORS = 2;

    private EvidenceContexts() {
    }

    /**
     * Up to {@code count} evidence contexts for {@code e}, drawn with {@code random}; fewer (or none)
     * where no gold sentence holds the answer.
     *
     * @param pool paragraphs of the source's other questions, for distractors where the format gives none
     */
    static List<ReaderExample> of(QaExample e, int count, List<Document> pool, Random random) {
        List<ReaderExample> out = new ArrayList<>();
        if (count <= 0 || e.answers().isEmpty() || e.supportingParagraphs().isEmpty()) {
            return out;
        }
        Map<Integer, TreeSet<Integer>> gold = goldSentences(e);
        if (gold.isEmpty()) {
            return out;
        }
        List<Document> distractors = new ArrayList<>();
        for (int i = 0; i < e.paragraphs().size(); i++) {
            if (!e.supportingParagraphs().contains(i)) {
                distractors.add(e.paragraphs().get(i));
            }
        }
        for (int v = 0; v < count; v++) {
            List<Group> groups = new ArrayList<>();
            gold.forEach((p, sentences) -> {
                Document d = e.paragraphs().get(p);
                TreeSet<Integer> kept = new TreeSet<>(sentences);
                for (int s = 0; s < d.sentences().size(); s++) {
                    if (!sentences.contains(s) && random.nextDouble() < NEAR_MISS) {
                        kept.add(s);
                    }
                }
                groups.add(new Group(d, kept, sentences));
            });
            int extra = random.nextInt(MAX_DISTRACTORS + 1);
            for (int k = 0; k < extra; k++) {
                distractor(e, distractors, pool, random).ifPresent(d -> {
                    TreeSet<Integer> kept = new TreeSet<>();
                    int n = 1 + random.nextInt(Math.min(2, d.sentences().size()));
                    while (kept.size() < n) {
                        kept.add(random.nextInt(d.sentences().size()));
                    }
                    groups.add(new Group(d, kept, new TreeSet<>()));
                });
            }
            Collections.shuffle(groups, random);
            located(e, groups).ifPresent(out::add);
        }
        return out;
    }

    /** A document's kept sentences (indices, in order) and which of them are gold. */
    private record Group(Document document, TreeSet<Integer> kept, TreeSet<Integer> gold) {
        String text() {
            List<String> texts = new ArrayList<>();
            kept.forEach(s -> texts.add(document.sentences().get(s).text().strip()));
            return String.join(" ", texts);
        }
    }

    /** Gold sentence indices per supporting paragraph index, in paragraph order; empty where none can be told. */
    static Map<Integer, TreeSet<Integer>> goldSentences(QaExample e) {
        Map<Integer, TreeSet<Integer>> gold = new LinkedHashMap<>();
        if (e.hasSentenceSupport()) {
            for (int p : e.supportingParagraphs()) {
                Document d = e.paragraphs().get(p);
                TreeSet<Integer> s = new TreeSet<>();
                e.supportingFacts().stream().filter(f -> f.title().equals(d.title()) && f.sentence() >= 0
                        && f.sentence() < d.sentences().size()).forEach(f -> s.add(f.sentence()));
                if (!s.isEmpty()) {
                    gold.put(p, s);
                }
            }
            return gold;
        }
        if (!e.answerSpans().isEmpty()) {
            QaExample.AnswerSpan span = e.answerSpans().get(0);
            int s = sentenceAt(e.paragraphs().get(span.paragraph()), span.start());
            if (s >= 0) {
                gold.put(span.paragraph(), new TreeSet<>(List.of(s)));
            }
            return gold;
        }
        boolean yesNo = isYesNo(e);
        for (int p : e.supportingParagraphs()) {
            Document d = e.paragraphs().get(p);
            TreeSet<Integer> s = new TreeSet<>();
            if (yesNo) {
                for (int i = 0; i < d.sentences().size(); i++) {
                    s.add(i);
                }
            } else {
                for (int i = 0; i < d.sentences().size() && s.isEmpty(); i++) {
                    for (String answer : e.answers()) {
                        if (ReaderExamples.find(d.sentences().get(i).text(), answer) >= 0) {
                            s.add(i);
                            break;
                        }
                    }
                }
                // the hop that leads to the answer paragraph: its first sentence names its subject
                if (s.isEmpty() && !d.sentences().isEmpty()) {
                    s.add(0);
                }
            }
            gold.put(p, s);
        }
        return gold;
    }

    /** The index of the sentence of {@code d} holding character {@code offset}, or -1. */
    static int sentenceAt(Document d, int offset) {
        for (int i = 0; i < d.sentences().size(); i++) {
            Sentence s = d.sentences().get(i);
            if (offset >= s.start() && offset < s.end()) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isYesNo(QaExample e) {
        return e.answerType() != AnswerType.SPAN;
    }

    private static Optional<Document> distractor(QaExample e, List<Document> own, List<Document> pool, Random random) {
        if (!own.isEmpty()) {
            Document d = own.get(random.nextInt(own.size()));
            return d.sentences().isEmpty() ? Optional.empty() : Optional.of(d);
        }
        List<String> texts = e.supportingParagraphs().stream().map(i -> e.paragraphs().get(i).text()).toList();
        for (int attempt = 0; attempt < 8 && !pool.isEmpty(); attempt++) {
            Document d = pool.get(random.nextInt(pool.size()));
            if (!texts.contains(d.text()) && !d.sentences().isEmpty()) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The example over {@code groups}, its answer found in a gold sentence (SQuAD: at its own offset). */
    private static Optional<ReaderExample> located(QaExample e, List<Group> groups) {
        List<ReaderContext.Passage> laid = new ArrayList<>();
        int[] textStarts = new int[groups.size()];
        String context = "";
        for (int g = 0; g < groups.size(); g++) {
            String text = groups.get(g).text();
            laid.add(new ReaderContext.Passage(groups.get(g).document().title(), text));
            context = ReaderContext.of(laid);
            textStarts[g] = context.length() - text.strip().length();
        }
        if (isYesNo(e)) {
            return Optional.of(ReaderExample.yesNo(e, context));
        }
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            int offsetInGroup = 0;
            for (int s : group.kept()) {
                Sentence sentence = group.document().sentences().get(s);
                String text = sentence.text().strip();
                if (group.gold().contains(s)) {
                    int in = answerIn(e, group.document(), sentence, text);
                    if (in >= 0) {
                        int at = textStarts[g] + offsetInGroup + in;
                        String answer = answerAt(e, group.document(), context, at);
                        return Optional.of(new ReaderExample(e.id(), e.question(), context, AnswerType.SPAN, at, answer,
                                e.answers(), e.dataset()));
                    }
                }
                offsetInGroup += text.length() + 1;
            }
        }
        return Optional.empty();
    }

    /** Where the answer starts in {@code text} (the stripped sentence), or -1. */
    private static int answerIn(QaExample e, Document d, Sentence sentence, String text) {
        int leading = sentence.text().indexOf(text);
        if (!e.answerSpans().isEmpty()) {
            QaExample.AnswerSpan span = e.answerSpans().get(0);
            if (e.paragraphs().get(span.paragraph()) != d) {
                return -1;
            }
            int in = span.start() - sentence.start() - leading;
            return in >= 0 && text.startsWith(span.text(), in) ? in : -1;
        }
        for (String answer : e.answers()) {
            int in = ReaderExamples.find(text, answer);
            if (in >= 0) {
                return in;
            }
        }
        return -1;
    }

    /** The answer text as the context has it at {@code at}. */
    private static String answerAt(QaExample e, Document d, String context, int at) {
        if (!e.answerSpans().isEmpty()) {
            return e.answerSpans().get(0).text();
        }
        for (String answer : e.answers()) {
            String a = answer.strip();
            if (context.regionMatches(true, at, a, 0, a.length())) {
                return context.substring(at, at + a.length());
            }
        }
        throw new IllegalStateException("question " + e.id() + ": the answer located at " + at + " is not there");
    }
}
