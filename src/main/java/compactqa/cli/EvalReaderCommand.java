package compactqa.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.concurrent.Callable;

import compactqa.dataset.DataSplits;
import compactqa.dataset.QaExample;
import compactqa.eval.ReaderEvaluation;
import compactqa.eval.ReaderMetrics;
import compactqa.eval.ReaderPredictionLog;
import compactqa.eval.RunInfo;
import compactqa.metrics.AnswerMetrics;
import compactqa.metrics.ScoreMean;
import compactqa.model.ModelArtifact;
import compactqa.model.Precision;
import compactqa.model.ReaderModel;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qa eval reader}: a trained reader's F1 and EM, into its {@code metrics.json} and model card. */
@Dependent
@Command(name = "reader",
        description = {"Score a trained reader: F1/EM on SQuAD dev (all of it for a reader that never trained on it; else its",
                "held-out last articles, which are also reported apart), and on HotpotQA dev-500 with only",
                "the gold supporting paragraphs as context. Writes metrics.json and MODEL_CARD.md in the model folder."})
public class EvalReaderCommand implements Callable<Integer> {

    @Mixin
    CommandContext context;

    @Mixin
    ReaderSets sets;

    @Mixin
    QuestionLimit limit;

    @Option(names = "--model", defaultValue = "models/reader", paramLabel = "DIR", description = "The reader (default ${DEFAULT-VALUE}).")
    Path model;

    @Option(names = "--predictions", paramLabel = "FILE",
            description = "Also write every answer as JSON lines (set, question, gold answers, prediction, type, confidence, F1), for error analysis.")
    Path predictions;

    private static final int PROGRESS_EVERY = 250;
    private static final ReaderEvaluation.Sink NO_SINK = (item, prediction, score) -> { };

    @Override
    public Integer call() throws Exception {
        ModelArtifact artifact = ModelArtifact.load(model);
        List<QaExample> squadAll = context.loader().load(sets.squad());
        List<QaExample> heldOut = DataSplits.inLastArticles(squadAll, DataSplits.SQUAD_HELD_OUT_ARTICLES);
        List<QaExample> dev = context.loader().load(sets.hotpotDev());
        ReaderEvaluation.Result squadResult;
        ReaderEvaluation.Result squadAllResult;
        ReaderEvaluation.Result devResult;
        // scored and fitted as trained: the service's precision (compactqa.model.precision) is compared in qa eval qa
        try (ReaderModel reader = ReaderModel.open(artifact, context.models().cache(), context.models().encoderOptions(),
                Precision.FP32);
             ReaderPredictionLog log = predictions == null ? null : new ReaderPredictionLog(predictions)) {
            PrintWriter err = context.err();
            // a reader that never trained on SQuAD dev is scored on all of it (the held-out articles are a part);
            // one that did, on the held-out articles only
            boolean devTrained = ReaderMetrics.trainedOnSquadDev(artifact.dir());
            List<ReaderEvaluation.Item> squadItems = limit.of(ReaderEvaluation.oracle(devTrained ? heldOut : squadAll));
            Set<ReaderEvaluation.Item> heldItems = new HashSet<>(ReaderEvaluation.oracle(heldOut));
            ScoreMean held = new ScoreMean();
            ReaderEvaluation.Result scored = ReaderEvaluation.run(reader, squadItems, AnswerMetrics.Script.SQUAD,
                    (log == null ? NO_SINK : log.sink(devTrained ? "squad_heldout" : "squad_dev"))
                            .andThen((item, prediction, score) -> {
                                if (heldItems.contains(item)) {
                                    held.add(score);
                                }
                            })
                            .andThen(ReaderEvaluation.progress("SQuAD " + (devTrained ? "held-out" : "dev"), squadItems.size(),
                                    PROGRESS_EVERY, err)));
            squadAllResult = devTrained ? null : scored;
            // with --limit the first questions may hold none of the held-out articles
            squadResult = devTrained || held.count() == 0 ? scored : ReaderEvaluation.part(held, scored.msPerQuestion());
            err.printf("SQuAD held-out: F1 %.2f EM %.2f over %d questions%n", squadResult.f1(), squadResult.em(), squadResult.questions());
            if (squadAllResult != null) {
                err.printf("SQuAD dev: F1 %.2f EM %.2f over %d questions%n", scored.f1(), scored.em(), scored.questions());
            }
            List<ReaderEvaluation.Item> devItems = limit.of(ReaderEvaluation.oracle(dev));
            devResult = ReaderEvaluation.run(reader, devItems, AnswerMetrics.Script.HOTPOTQA,
                    (log == null ? NO_SINK : log.sink("hotpotqa_dev500_oracle"))
                            .andThen(ReaderEvaluation.progress("HotpotQA dev-500 oracle", devItems.size(), PROGRESS_EVERY, err)));
        }
        RunInfo run = context.run();
        ReaderMetrics metrics = new ReaderMetrics(run.command(), run.commit(), run.date(), run.java(), run.cpus(), artifact.manifest().sha256(),
                squadResult.f1(), squadResult.em(), squadResult.questions(),
                DataSplits.lastArticles(squadAll, DataSplits.SQUAD_HELD_OUT_ARTICLES),
                devResult.f1(), devResult.em(), devResult.questions(), devResult.yesNoAccuracy(), devResult.msPerQuestion(),
                squadAllResult == null ? null : squadAllResult.f1(), squadAllResult == null ? null : squadAllResult.em(),
                squadAllResult == null ? null : squadAllResult.questions(), ReaderMetrics.calibration("ece_before", artifact.dir()),
                ReaderMetrics.calibration("ece_after", artifact.dir()));
        context.recordModel(metrics, artifact.dir(), limit.value());
        context.out().printf("squad_heldout_f1 %.2f (EM %.2f, %d questions); hotpotqa_dev500_oracle_f1 %.2f (EM %.2f, %d questions)%n",
                metrics.squadHeldoutF1(), metrics.squadHeldoutEm(), metrics.squadHeldoutQuestions(), metrics.hotpotqaDev500OracleF1(),
                metrics.hotpotqaDev500OracleEm(), metrics.hotpotqaDev500Questions());
        if (metrics.squadDevF1() != null) {
            context.out().printf("squad_dev_f1 %.2f (EM %.2f, %d questions)%n", metrics.squadDevF1(), metrics.squadDevEm(),
                    metrics.squadDevQuestions());
        }
        return 0;
    }
}
