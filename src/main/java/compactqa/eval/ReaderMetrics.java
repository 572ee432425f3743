package compactqa.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import compactqa.model.ConfidenceCalibration;

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

    /** Whether the reader's training (any stage its training.json records) read SQuAD's dev file. */
    public static boolean trainedOnSquadDev(Path dir) throws IOException {
        Path training = dir.resolve("training.json");
        // without a record of its training, a reader is taken to have seen it
        return !Files.isRegularFile(training) || Files.readString(training).contains("squad-v1.1-dev");
    }

    /** A figure of the reader's calibration report (measured on its recipe's validation questions), or null. */
    public static Double calibration(String key, Path dir) throws IOException {
        Object value = ConfidenceCalibration.read(dir).report().get(key);
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
