package compactqa.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import compactqa.corpus.AnswerType;
import compactqa.corpus.Document;
import compactqa.corpus.ReaderContext;
import compactqa.dataset.QaExample;
import compactqa.dataset.ReaderExample;
import compactqa.dataset.ReaderExamples;

/**
 * Data augmentation for the reader: a training question asked again over another context built from
 * real paragraphs, so that a student being distilled sees the teacher read inputs the training set
 * does not hold (XTC and TinyBERT distil on augmented data; their word substitutions need a masked
 * language model, which this environment does not have, so the context varies instead).
 *
 * <p>A variant holds the question's supporting paragraphs in a seeded random order, and, with
 * probability 1/2, one distractor inserted at a random position: one of the question's own
 * non-supporting paragraphs where the format gives them (HotpotQA, 2Wiki, MuSiQue), else a supporting
 * paragraph of another question of the same source. A variant always differs from the original
 * context: when the order drawn is the original one and no distractor was drawn, one is added. The
 * layout is {@link ReaderContext}'s, titled as {@link ReaderExamples#context} titles contexts; the answer is located again inside a supporting paragraph (never in the distractor), at
 * the data set's own offset where it gives one (SQuAD). Yes / no questions keep their answer.
 */
final class ContextVariants {

    private ContextVariants() {
    }

    /**
     * Up to {@code count} variants of {@code e}, drawn with {@code random}; fewer where the answer
     * cannot be located or no distractor is at hand for a single paragraph.
     *
     * @param pool supporting paragraphs of the source's other questions, for formats without distractors
     */
    static List<ReaderExample> of(QaExample e, int count, List<Document> pool, Random random) {
        List<ReaderExample> variants = new ArrayList<>();
        if (count <= 0 || e.answers().isEmpty() || e.supportingParagraphs().isEmpty()) {
            return variants;
        }
        List<Integer> distractors = new ArrayList<>();
        for (int i = 0; i < e.paragraphs().size(); i++) {
            if (!e.supportingParagraphs().contains(i)) {
                distractors.add(i);
            }
        }
        for (int v = 0; v < count; v++) {
            List<Document> passages = new ArrayList<>();
            List<Integer> gold = new ArrayList<>(e.supportingParagraphs());
            Collections.shuffle(gold, random);
            gold.forEach(i -> passages.add(e.paragraphs().get(i)));
            boolean reordered = !gold.equals(e.supportingParagraphs());
            if (random.nextBoolean() || !reordered) {
                Optional<Document> d = distractor(e, distractors, pool, random);
                if (d.isEmpty() && !reordered) {
                    continue;
                }
                d.ifPresent(doc -> passages.add(random.nextInt(passages.size() + 1), doc));
            }
            located(e, passages).ifPresent(variants::add);
        }
        return variants;
    }

    private static Optional<Document> distractor(QaExample e, List<Integer> own, List<Document> pool, Random random) {
        if (!own.isEmpty()) {
            return Optional.of(e.paragraphs().get(own.get(random.nextInt(own.size()))));
        }
        List<String> texts = e.supportingParagraphs().stream().map(i -> e.paragraphs().get(i).text()).toList();
        for (int attempt = 0; attempt < 8 && !pool.isEmpty(); attempt++) {
            Document d = pool.get(random.nextInt(pool.size()));
            if (!texts.contains(d.text())) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The reader example of {@code e} over {@code passages}, its answer found in a supporting one. */
    static Optional<ReaderExample> located(QaExample e, List<Document> passages) {
        List<Document> support = e.supportingParagraphs().stream().map(i -> e.paragraphs().get(i)).toList();
        boolean titled = ReaderExamples.titled(e.dataset(), passages.size());
        List<ReaderContext.Passage> laid = new ArrayList<>();
        int[] textStarts = new int[passages.size()];
        String context = "";
        for (int p = 0; p < passages.size(); p++) {
            Document d = passages.get(p);
            String text = d.text().strip();
            laid.add(new ReaderContext.Passage(titled ? d.title() : "", d.text()));
            context = ReaderContext.of(laid);
            textStarts[p] = context.length() - text.length();
        }
        if (e.answerType() != AnswerType.SPAN) {
            return Optional.of(ReaderExample.yesNo(e, context));
        }
        if (!e.answerSpans().isEmpty()) {
            QaExample.AnswerSpan span = e.answerSpans().get(0);
            Document holder = e.paragraphs().get(span.paragraph());
            int p = passages.indexOf(holder);
            int leading = holder.text().indexOf(holder.text().strip());
            if (p < 0 || span.start() < leading) {
                return Optional.empty();
            }
            int at = textStarts[p] + span.start() - leading;
            return Optional.of(new ReaderExample(e.id(), e.question(), context, AnswerType.SPAN, at, span.text(), e.answers(),
                    e.dataset()));
        }
        for (String answer : e.answers()) {
            for (int p = 0; p < passages.size(); p++) {
                if (!support.contains(passages.get(p))) {
                    continue; // the answer a distractor happens to mention is not the one the question asks for
                }
                String text = passages.get(p).text().strip();
                int in = ReaderExamples.find(text, answer);
                if (in >= 0) {
                    int at = textStarts[p] + in;
                    return Optional.of(new ReaderExample(e.id(), e.question(), context, AnswerType.SPAN, at,
                            context.substring(at, at + answer.strip().length()), e.answers(), e.dataset()));
                }
            }
        }
        return Optional.empty();
    }
}
