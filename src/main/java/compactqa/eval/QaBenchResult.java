package compactqa.eval;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * The result file of {@code qa eval qa}: each method's answer and supporting-fact scores,
 * compression and latency, measured in one run over the same questions. snake_case JSON.
 *
 * @param setting  {@code distractor} (each question's own paragraphs) or {@code open} (retrieval
 *                 from the pooled paragraphs of every given file)
 * @param k        documents retrieved per question in the open setting, 0 in distractor
 * @param spLevel  {@code sentence} where the gold labels supporting sentences, else {@code paragraph}
 * @param prefix   the same figures over the first {@link ResultVerifier#PREFIX_QUESTIONS} questions,
 *                 which {@code qa eval verify} reproduces at that size; null for a run no larger
 */
public record QaBenchResult(String command, String commit, String date, String java, int cpus, String name, List<String> dataset,
                            String setting, int k, int questions, String spLevel, Settings settings, Models models, Map<String, Method> methods,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Prefix prefix) {

    /** Each method's figures over the first {@code questions} questions. */
    public record Prefix(int questions, Map<String, Method> methods) {
    }

    /** The models the run answered with: their folders, the precision of their linear layers, and threads per session. */
    public record Models(String reader, String compressor, String precision, int threads) {
    }

    /**
     * The compression settings the run used, with the open setting's retrieval: {@code hops} searches per
     * question for the active method, and {@code retrieval} (bm25, dense or hybrid); {@code supportThreshold}
     * named the supporting sentences the SP figures score (null in results made before it existed: all evidence).
     */
    public record Settings(int segmentSize, int maxSteps, int budgetTokens, double sentenceThreshold, double sufficiencyThreshold,
                           boolean checkEvidence, int hops, String retrieval, Double supportThreshold) {
    }

    /**
     * One method's figures.
     *
     * @param em               answer exact match, percent
     * @param f1               answer F1, percent
     * @param spEm             supporting-fact exact match, percent
     * @param spF1             supporting-fact F1, percent
     * @param compressionRate  tokens of the documents over tokens the reader read, summed over questions
     * @param stepsMean        mean compression steps
     * @param latencyMsP50     median milliseconds per question, all stages
     * @param latencyMsP95     95th percentile of the same
     * @param stages           median and 95th percentile per stage (retrieval, compression, reader)
     * @param questionsPerS    questions answered per second, one at a time
     */
    public record Method(double em, double f1, double spEm, double spF1, double compressionRate, double stepsMean,
                         double latencyMsP50, double latencyMsP95, Map<String, Latency> stages, double questionsPerS) {
    }

    /** Latency of one stage. */
    public record Latency(double p50, double p95) {
    }
}
