package compactqa.metrics;

/**
 * Running mean of {@link MatchScore}s, each value averaged on its own, as the official scripts
 * average each metric over all questions.
 *
 * <p>Not thread-safe: give each thread its own instance, or guard it.
 */
public final class ScoreMean {

    private long count;
    private double em;
    private double f1;
    private double precision;
    private double recall;

    /** Adds one score to the mean. */
    public void add(MatchScore score) {
        em += score.em();
        f1 += score.f1();
        precision += score.precision();
        recall += score.recall();
        count++;
    }

    /** How many scores were added. */
    public long count() {
        return count;
    }

    /**
     * The mean of the scores added so far.
     *
     * @throws IllegalStateException if none were added: a mean of nothing is undefined, and a zero
     *                               would pass for a real, if poor, result (the script itself fails
     *                               dividing by zero)
     */
    public MatchScore mean() {
        if (count == 0) {
            throw new IllegalStateException("no scores added");
        }
        // Monotone rounding keeps each sum at most count, so each quotient stays within [0, 1].
        return new MatchScore(em / count, f1 / count, precision / count, recall / count);
    }
}
