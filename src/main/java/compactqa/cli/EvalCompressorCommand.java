package compactqa.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import compactqa.eval.CompressorEvaluation;
import compactqa.eval.CompressorMetrics;
import compactqa.eval.RunInfo;
import compactqa.model.CompressorModel;
import compactqa.model.ModelArtifact;
import compactqa.model.Precision;
import compactqa.qa.CompressionSettings;
import compactqa.qa.EvidenceSelection;
import compactqa.qa.LoopSettings;
import compactqa.qa.QaConfig;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qa eval compressor}: a trained compressor's paragraph recall and supporting-fact F1. */
@Dependent
@Command(name = "compressor",
        description = {"Score a trained compressor: recall of both supporting paragraphs among the two it chooses on",
                "HotpotQA dev-500 (10 paragraphs each), and sentence-level supporting-fact F1 on the labeled sample.",
                "Writes metrics.json and MODEL_CARD.md in the model folder."})
public class EvalCompressorCommand implements Callable<Integer> {

    @Inject
    QaConfig qa;

    @Mixin
    CommandContext context;

    @Option(names = "--model", defaultValue = "models/compressor", paramLabel = "DIR", description = "The compressor (default ${DEFAULT-VALUE}).")
    Path model;

    @Option(names = "--hotpot-dev", defaultValue = "../shared/data/hotpotqa/dev-500.ircot.jsonl.gz", paramLabel = "FILE")
    Path hotpotDev;

    @Option(names = "--hotpot-sample", defaultValue = "../shared/data/hotpotqa/dev-distractor-sample-103.json.gz", paramLabel = "FILE")
    Path hotpotSample;

    @Mixin
    QuestionLimit limit;

    @Override
    public Integer call() throws Exception {
        ModelArtifact artifact = ModelArtifact.load(model);
        CompressorEvaluation.Result dev;
        CompressorEvaluation.Result sample;
        EvidenceSelection selection = EvidenceSelection.read(artifact.dir());
        CompressionSettings settings = CompressionSettings.of(qa, LoopSettings.read(artifact.dir()));
        // scored and fitted as trained: the service's precision (compactqa.model.precision) is compared in qa eval qa
        try (CompressorModel compressor = CompressorModel.open(artifact, context.models().cache(), context.models().encoderOptions(), Precision.FP32)) {
            dev = CompressorEvaluation.run(compressor, selection, settings, limit.of(context.loader().load(hotpotDev)), context.err());
            context.err().printf("HotpotQA dev-500: paragraph recall@2 %.4f as the service chooses; by logits alone %.4f "
                    + "(two steps %.4f) over %d questions%n", dev.active().paraRecallAt2(), dev.paraRecallAt2(), dev.paraRecallAt2TwoStep(),
                    dev.questions());
            sample = CompressorEvaluation.run(compressor, selection, settings, limit.of(context.loader().load(hotpotSample)),
                    context.err());
        }
        if (sample.sentence() == null) {
            throw new IllegalArgumentException(hotpotSample + " has no sentence-level supporting facts");
        }
        RunInfo run = context.run();
        CompressorMetrics metrics = new CompressorMetrics(run.command(), run.commit(), run.date(), run.java(), run.cpus(),
                artifact.manifest().sha256(), dev.paraRecallAt2(), dev.paraRecallAt2TwoStep(), dev.questions(),
                pct(sample.sentence().f1()), pct(sample.sentence().em()), pct(sample.sentence().precision()),
                pct(sample.sentence().recall()), sample.paraRecallAt2(), sample.questions(), dev.msPerQuestion(),
                dev.active().paraRecallAt2(), pct(sample.active().sentence().f1()), pct(sample.active().sentence().em()),
                pct(sample.active().sentence().precision()), pct(sample.active().sentence().recall()), sample.active().paraRecallAt2(),
                !selection.isIdentity());
        context.recordModel(metrics, artifact.dir(), limit.value());
        context.out().printf("hotpotqa_dev500_sp_para_recall_at2 %.4f (two steps %.4f; as the service chooses %.4f); "
                + "hotpotqa_sample103_sp_sent_f1 %.2f (as the service keeps evidence %.2f)%n",
                metrics.hotpotqaDev500SpParaRecallAt2(), metrics.hotpotqaDev500SpParaRecallAt2TwoStep(),
                metrics.hotpotqaDev500SpParaRecallAt2Active(), metrics.hotpotqaSample103SpSentF1(), metrics.hotpotqaSample103SpSentF1Active());
        return 0;
    }

    private static double pct(double x) {
        return Math.round(x * 10000) / 100.0;
    }
}
