package compactqa.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;
import java.util.List;

import compactqa.corpus.AnswerType;
import compactqa.dataset.DataSplits;
import compactqa.dataset.DatasetLoader;
import compactqa.dataset.QaExample;

/**
 * The questions a recipe trains on: each data source's file, at most {@code limit} questions, minus
 * the held-out SQuAD articles (the last ones in the file, whole), which the reader is tested on.
 */
public final class TrainingData {

    private TrainingData() {
    }

    /** The questions of one source, in file order. */
    public static List<QaExample> load(DatasetLoader loader, Path home, Recipe.DataSource source) {
        List<QaExample> examples = new ArrayList<>(loader.load(home.resolve(source.path())));
        boolean squad = !examples.isEmpty() && examples.stream().allMatch(e -> e.dataset().equals("squad"));
        // SQuAD's dev file is the reader's test: only the old recipes train on it, and never on its last articles
        if (squad && isSquadDev(source.path()) && source.holdOutArticles() < DataSplits.SQUAD_HELD_OUT_ARTICLES) {
            throw new IllegalArgumentException(source.path() + ": SQuAD must hold out at least its last "
                    + DataSplits.SQUAD_HELD_OUT_ARTICLES + " articles, the reader's test");
        }
        if (source.holdOutArticles() > 0) {
            examples = DataSplits.withoutLastArticles(examples, source.holdOutArticles());
        }
        if (source.limit() > 0 && examples.size() > source.limit()) {
            examples = examples.subList(0, source.limit());
        }
        return examples;
    }

    /** Whether {@code path} names a SQuAD dev file (the official name, {@code dev-v1.1.json}, or ours). */
    static boolean isSquadDev(String path) {
        String name = Path.of(path).getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.contains("dev");
    }

    /**
     * {@code examples} with the rarer of its yes and no questions repeated until they are about as
     * many as the other (the whole number of times closest to the ratio), each copy next to its
     * original so that the order stays deterministic.
     */
    static List<QaExample> balanceYesNo(List<QaExample> examples) {
        long yes = examples.stream().filter(e -> e.answerType() == AnswerType.YES).count();
        long no = examples.stream().filter(e -> e.answerType() == AnswerType.NO).count();
        if (yes == 0 || no == 0 || yes == no) {
            return examples;
        }
        AnswerType rarer = yes < no ? AnswerType.YES : AnswerType.NO;
        long times = Math.round((double) Math.max(yes, no) / Math.min(yes, no));
        List<QaExample> out = new ArrayList<>();
        for (QaExample e : examples) {
            long copies = e.answerType() == rarer ? times : 1;
            for (long c = 0; c < copies; c++) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * About {@code count} questions of one source to validate on, drawn with {@code random}; for
     * SQuAD files, whole articles (the other sources' paragraphs belong to one question each).
     */
    static Set<QaExample> validationShare(List<QaExample> examples, int count, Random random) {
        Set<QaExample> held = new HashSet<>();
        if (count <= 0) {
            return held;
        }
        boolean squad = examples.stream().allMatch(e -> e.dataset().equals("squad"));
        if (squad) {
            List<String> articles = new ArrayList<>(new LinkedHashSet<>(examples.stream().map(DataSplits::article).toList()));
            Collections.shuffle(articles, random);
            for (String article : articles) {
                if (held.size() >= count) {
                    break;
                }
                List<QaExample> whole = examples.stream().filter(e -> DataSplits.article(e).equals(article)).toList();
                if (held.size() + whole.size() <= examples.size() / 5) { // four fifths always train
                    held.addAll(whole);
                }
            }
            return held;
        }
        List<QaExample> shuffled = new ArrayList<>(examples);
        Collections.shuffle(shuffled, random);
        held.addAll(shuffled.subList(0, Math.min(count, shuffled.size())));
        return held;
    }
}
