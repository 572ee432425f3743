package compactqa.cli;

import java.util.List;

import picocli.CommandLine.Option;

/** {@code --limit}: score only the first questions of each set, for a quick look that is never recorded as the figures. */
public class QuestionLimit {

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N",
            description = "Score only the first N questions of each set, for a quick look (0: all; recorded figures use all).")
    int limit;

    /** The limit, checked: 0 for all. */
    public int value() {
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must be at least 0");
        }
        return limit;
    }

    /** The first {@link #value()} of {@code items}, or all of them. */
    public <T> List<T> of(List<T> items) {
        return value() > 0 && items.size() > limit ? items.subList(0, limit) : items;
    }
}
