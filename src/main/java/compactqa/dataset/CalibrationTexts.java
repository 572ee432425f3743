package compactqa.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import compactqa.corpus.Document;

/**
 * Texts to calibrate compression on, drawn from training data only: the paragraphs of the SQuAD
 * articles the reader trains on (never the held-out ones) and of the HotpotQA training questions,
 * alternately, each once, question first, as the models read them.
 */
public final class CalibrationTexts {

    private CalibrationTexts() {
    }

    /** Up to {@code n} texts from {@code squad} (minus its held-out articles) and {@code hotpotTrain}. */
    public static List<String> of(DatasetLoader loader, Path squad, Path hotpotTrain, int n) {
        List<String> fromSquad = texts(DataSplits.withoutLastArticles(loader.load(squad), DataSplits.SQUAD_HELD_OUT_ARTICLES));
        List<String> fromHotpot = texts(loader.load(hotpotTrain));
        List<String> out = new ArrayList<>();
        for (int i = 0; out.size() < n && (i < fromSquad.size() || i < fromHotpot.size()); i++) {
            if (i < fromSquad.size()) {
                out.add(fromSquad.get(i));
            }
            if (i < fromHotpot.size() && out.size() < n) {
                out.add(fromHotpot.get(i));
            }
        }
        return out;
    }

    private static List<String> texts(List<QaExample> examples) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> texts = new ArrayList<>();
        for (QaExample e : examples) {
            for (Document d : e.paragraphs()) {
                if (seen.add(d.text())) {
                    texts.add(e.question() + " " + (d.title() == null || d.title().isBlank() ? "" : d.title() + ": ") + d.text());
                }
            }
        }
        return texts;
    }
}
