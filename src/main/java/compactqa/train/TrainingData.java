package compactqa.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import compactqa.eval.DataSplits;
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
            examples = DataSplits.withoutLastArticles(examples, source.holdOutArticles());
        }
        if (source.limit() > 0 && examples.size() > source.limit()) {
            examples = examples.subList(0, source.limit());
        }
        return examples;
    }
}
