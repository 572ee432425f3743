package compactqa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

import compactqa.corpus.AnswerType;
import compactqa.metrics.MatchScore;
import compactqa.model.ReaderPrediction;

class ReaderEvaluationProgressTest {

    @Test
    void progressPrintsEveryNAnswersWithTheF1SoFarButNotAfterTheLast() {
        StringWriter out = new StringWriter();
        List<MatchScore> seen = new java.util.ArrayList<>();
        ReaderEvaluation.Sink sink = ((ReaderEvaluation.Sink) (item, prediction, score) -> seen.add(score))
                .andThen(ReaderEvaluation.progress("set", 5, 2, new PrintWriter(out)));
        ReaderEvaluation.Item item = new ReaderEvaluation.Item("q", "c", List.of("a"));
        ReaderPrediction p = new ReaderPrediction("a", AnswerType.SPAN, 1, 0, 1);
        double[] f1 = {1, 0, 1, 1, 0};
        for (double f : f1) {
            sink.accept(item, p, new MatchScore(f, f, f, f));
        }
        String[] lines = out.toString().strip().split("\n");
        assertEquals(2, lines.length, out.toString());
        assertTrue(lines[0].startsWith("set: 2/5 questions,") && lines[0].endsWith("F1 so far 50.00"), lines[0]);
        assertTrue(lines[1].startsWith("set: 4/5 questions,") && lines[1].endsWith("F1 so far 75.00"), lines[1]);
        assertEquals(5, seen.size(), "the first sink saw every answer");
    }
}
