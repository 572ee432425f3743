package compactqa.dataset;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The project's fixed data splits. SQuAD's dev file is split by article: its last articles, whole,
 * are the reader's held-out test and never train anything.
 */
public final class DataSplits {

    /** SQuAD articles held out as the reader's test set. */
    public static final int SQUAD_HELD_OUT_ARTICLES = 8;

    private DataSplits() {
    }

    /** The article a SQuAD question belongs to: its paragraph's title. */
    public static String article(QaExample e) {
        return e.paragraphs().isEmpty() ? "" : e.paragraphs().get(0).title();
    }

    /** The titles of the last {@code n} articles, in file order. */
    public static List<String> lastArticles(List<QaExample> examples, int n) {
        Set<String> titles = new LinkedHashSet<>();
        examples.forEach(e -> titles.add(article(e)));
        List<String> all = new ArrayList<>(titles);
        if (n >= all.size()) {
            throw new IllegalArgumentException("cannot hold out " + n + " of " + all.size() + " articles");
        }
        return all.subList(all.size() - n, all.size());
    }

    /** The questions of the last {@code n} articles. */
    public static List<QaExample> inLastArticles(List<QaExample> examples, int n) {
        Set<String> held = new LinkedHashSet<>(lastArticles(examples, n));
        return examples.stream().filter(e -> held.contains(article(e))).toList();
    }

    /** The questions outside the last {@code n} articles. */
    public static List<QaExample> withoutLastArticles(List<QaExample> examples, int n) {
        Set<String> held = new LinkedHashSet<>(lastArticles(examples, n));
        return examples.stream().filter(e -> !held.contains(article(e))).toList();
    }
}
