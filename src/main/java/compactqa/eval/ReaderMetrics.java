package compactqa.eval;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * {@code metrics.json} of a reader, as {@code qa eval reader} measures it: F1 and EM in percent.
 *
 * @param weightsSha256        the SHA-256 of the weights measured, so that figures of older weights
 *                             are recognized as stale
 * @param squadHeldoutArticles the SQuAD articles held out of training, whose questions are the test
 */
public record ReaderMetrics(
        String command, String commit, String date, String java, int cpus, String weightsSha256,
        double squadHeldoutF1, double squadHeldoutEm, int squadHeldoutQuestions, List<String> squadHeldoutArticles,
        double hotpotqaDev500OracleF1, double hotpotqaDev500OracleEm, int hotpotqaDev500Questions,
        double hotpotqaDev500YesNoAccuracy, double msPerQuestion,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double squadDevF1,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double squadDevEm,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer squadDevQuestions,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double calibrationEceBefore,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double calibrationEce) {
}
