package compactqa.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import compactqa.eval.DatasetLoader;
import compactqa.eval.QaExample;

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
        if (source.holdOutArticles() > 0) {
            examples = withoutLastArticles(examples, source.holdOutArticles());
        }
        if (source.limit() > 0 && examples.size() > source.limit()) {
            examples = examples.subList(0, source.limit());
        }
        return examples;
    }

    /** The titles of the last {@code n} articles of a SQuAD file, in file order. */
    public static List<String> lastArticles(List<QaExample> examples, int n) {
        Set<String> titles = new LinkedHashSet<>();
        for (QaExample e : examples) {
            titles.add(article(e));
        }
        List<String> all = new ArrayList<>(titles);
        if (n >= all.size()) {
            throw new IllegalArgumentException("cannot hold out " + n + " of " + all.size() + " articles");
        }
        return all.subList(all.size() - n, all.size());
    }

    /** The article a SQuAD question belongs to: its paragraph's title. */
    public static String article(QaExample e) {
        return e.paragraphs().isEmpty() ? "" : e.paragraphs().get(0).title();
    }

    private static List<QaExample> withoutLastArticles(List<QaExample> examples, int n) {
        Set<String> held = new LinkedHashSet<>(lastArticles(examples, n));
        return examples.stream().filter(e -> !held.contains(article(e))).toList();
    }
}
