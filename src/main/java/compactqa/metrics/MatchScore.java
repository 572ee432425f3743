package compactqa.metrics;

/**
 * One comparison of a prediction with its gold: exact match, F1, precision and recall, each in
 * {@code [0, 1]}. Exact match is {@code 0} or {@code 1} for a single comparison and a fraction once
 * averaged by {@link ScoreMean}.
 *
 * @param em        exact match
 * @param f1        harmonic mean of precision and recall, {@code 0} when both are {@code 0}
 * @param precision share of the predicted units that are gold
 * @param recall    share of the gold units that were predicted
 */
public record MatchScore(double em, double f1, double precision, double recall) {

    /** No match at all: every value {@code 0}. */
    public static final MatchScore ZERO = new MatchScore(0, 0, 0, 0);

    /** @throws IllegalArgumentException if a value is outside {@code [0, 1]} or NaN */
    public MatchScore {
        requireUnit("em", em);
        requireUnit("f1", f1);
        requireUnit("precision", precision);
        requireUnit("recall", recall);
    }

    private static void requireUnit(String name, double value) {
        // The negated form also rejects NaN.
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
        }
    }
}
