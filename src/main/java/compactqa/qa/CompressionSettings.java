package compactqa.qa;

/**
 * How one question is compressed.
 *
 * @param segmentSize          documents per step
 * @param maxSteps             most steps
 * @param budgetTokens         most evidence tokens
 * @param sentenceThreshold    probability a sentence needs to become evidence
 * @param sufficiencyThreshold probability of sufficiency that ends the reading; 1 reads every segment
 * @param checkEvidence        after a step whose documents were judged without the evidence they
 *                             added (the first, above all), ask once more, of the merged evidence,
 *                             whether it suffices, before paying for the next segment
 * @param supportThreshold     probability an evidence sentence needs to be named as supporting the
 *                             answer (the reader reads all the evidence; a low sentence threshold
 *                             feeds it more context than the few sentences an answer rests on)
 */
public record CompressionSettings(int segmentSize, int maxSteps, int budgetTokens, double sentenceThreshold,
                                  double sufficiencyThreshold, boolean checkEvidence, double supportThreshold) {

    /** Settings that check the merged evidence before reading on, and name all of it as supporting. */
    public CompressionSettings(int segmentSize, int maxSteps, int budgetTokens, double sentenceThreshold, double sufficiencyThreshold) {
        this(segmentSize, maxSteps, budgetTokens, sentenceThreshold, sufficiencyThreshold, true);
    }

    /** Settings that name all the evidence as supporting. */
    public CompressionSettings(int segmentSize, int maxSteps, int budgetTokens, double sentenceThreshold, double sufficiencyThreshold,
                               boolean checkEvidence) {
        this(segmentSize, maxSteps, budgetTokens, sentenceThreshold, sufficiencyThreshold, checkEvidence, sentenceThreshold);
    }

    /**
     * The settings a request that overrides none gets with a compressor whose loop is {@code loop}:
     * the configuration's, and where it leaves them unset, the compressor's.
     */
    public static CompressionSettings of(QaConfig config, LoopSettings loop) {
        return new CompressionSettings(loop.segmentSize(config.segmentSize()), loop.maxSteps(config.maxSteps()), config.budgetTokens(),
                loop.sentenceThreshold(config.sentenceThreshold()), loop.sufficiencyThreshold(config.sufficiencyThreshold()),
                config.checkEvidence(), loop.supportThreshold(config.supportThreshold()));
    }

    /** These settings with each given override (null keeps the setting as it is). */
    public CompressionSettings with(Integer segmentSize, Integer maxSteps, Integer budgetTokens, Double sentenceThreshold,
                                    Double sufficiencyThreshold, Boolean checkEvidence) {
        return new CompressionSettings(segmentSize != null ? segmentSize : this.segmentSize, maxSteps != null ? maxSteps : this.maxSteps,
                budgetTokens != null ? budgetTokens : this.budgetTokens,
                sentenceThreshold != null ? sentenceThreshold : this.sentenceThreshold,
                sufficiencyThreshold != null ? sufficiencyThreshold : this.sufficiencyThreshold,
                checkEvidence != null ? checkEvidence : this.checkEvidence, supportThreshold);
    }

    /** Whether the sufficiency can end the reading before the last segment (a threshold of 1 never does). */
    public boolean stopsEarly() {
        return sufficiencyThreshold < 1;
    }

    public CompressionSettings {
        if (segmentSize < 1 || maxSteps < 1 || budgetTokens < 1) {
            throw new IllegalArgumentException("segment size, steps and budget must be positive");
        }
        if (!(sentenceThreshold >= 0 && sentenceThreshold <= 1) || !(sufficiencyThreshold >= 0 && sufficiencyThreshold <= 1)
                || !(supportThreshold >= 0 && supportThreshold <= 1)) {
            throw new IllegalArgumentException("thresholds are probabilities in [0, 1]");
        }
    }
}
