package compactqa.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import compactqa.dataset.QaExample;
import compactqa.eval.LoopTuning;
import compactqa.model.CompressorModel;
import compactqa.model.ModelArtifact;
import compactqa.model.ModelConfig;
import compactqa.model.ReaderModel;
import compactqa.model.Task;
import compactqa.qa.Answerer;
import compactqa.qa.CompressionSettings;
import compactqa.qa.EvidenceSelection;
import compactqa.qa.LoopSettings;
import compactqa.qa.QaConfig;
import compactqa.train.Recipe;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qa train loop}: chooses how the active loop reads, on the compressor recipe's validation questions. */
@Dependent
@Command(name = "loop",
        description = {"Answer the multi-hop validation questions the compressor's recipe held out (never a development set) at",
                "each setting of a grid (documents per step, documents read at most, sentence and sufficiency thresholds), with",
                "the reader, as the service would; choose the cheapest setting within one paired standard error of the best",
                "answer F1, and write loop.json into the compressor folder."})
public class TrainLoopCommand extends ValidationFitCommand {

    @Inject
    QaConfig qa;

    @Option(names = "--reader", paramLabel = "DIR", description = "The reader to answer with (default: compactqa.qa.reader).")
    Path reader;

    @Option(names = "--segment-sizes", split = ",", defaultValue = "1,2", paramLabel = "J", description = "Documents per step tried.")
    List<Integer> segmentSizes;

    @Option(names = "--documents", split = ",", defaultValue = "5,10", paramLabel = "D",
            description = "Documents read at most, tried (the steps are D over the documents per step, rounded up).")
    List<Integer> documents;

    @Option(names = "--sentence-thresholds", split = ",", defaultValue = "0.1,0.2,0.3,0.5", paramLabel = "P",
            description = "Sentence thresholds tried.")
    List<Double> sentenceThresholds;

    @Option(names = "--sufficiencies", split = ",", defaultValue = "0.9,1.0", paramLabel = "P",
            description = "Sufficiency thresholds tried (1.0 never stops early).")
    List<Double> sufficiencies;

    @Option(names = "--questions", defaultValue = "200", paramLabel = "N", description = "Validation questions used, at most.")
    int limit;

    @Override
    Task task() {
        return Task.COMPRESSOR;
    }

    @Override
    void fit(ModelArtifact artifact, Recipe recipe, List<QaExample> validation, Map<String, Object> provenance) throws Exception {
        List<QaExample> multiHop = LoopTuning.multiHop(validation);
        if (multiHop.isEmpty() || limit < 1) {
            throw new IllegalArgumentException(recipeFile + " holds out no multi-hop question (or --questions is below 1)");
        }
        List<QaExample> questions = multiHop.subList(0, Math.min(limit, multiHop.size()));
        ModelConfig models = context.models();
        LoopTuning.Result result;
        try (CompressorModel compressor = CompressorModel.open(artifact, models.cache(), models.encoderOptions(), precisions().compressor());
             ReaderModel answering = ReaderModel.open(ModelArtifact.load(reader != null ? reader : qa.reader()), models.cache(),
                     models.encoderOptions(), precisions().reader())) {
            Answerer answerer = Answerer.of(compressor, EvidenceSelection.read(artifact.dir()), answering);
            result = LoopTuning.run(answerer, questions, CompressionSettings.of(qa, LoopSettings.BUILT_IN),
                    new LoopTuning.Grid(segmentSizes, documents, sentenceThresholds, sufficiencies), context.err());
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("rule", "the fastest setting whose validation answer F1 is behind the best by at most one standard error of the paired differences");
        report.put("questions", result.questions());
        report.put("reader", context.relative(reader != null ? reader : qa.reader()));
        report.put("grid", result.grid());
        report.put("support_rule", "the support threshold with the best supporting-fact F1, for the chosen setting, on the "
                + result.supportQuestions() + " questions labelled by sentence");
        report.put("support_grid", result.supportGrid());
        report.putAll(provenance);
        LoopTuning.Point chosen = result.chosen();
        new LoopSettings(chosen.segmentSize(), chosen.maxSteps(), chosen.sentenceThreshold(), chosen.sufficiencyThreshold(),
                result.supportThreshold(), report).write(artifact.dir());
        context.out().printf("chosen on %d validation questions: %d documents per step, %d steps, sentence %.2f, sufficiency %.3f"
                        + " (F1 %.2f, %.0f ms), support %.1f; written to %s%n", result.questions(), chosen.segmentSize(), chosen.maxSteps(),
                chosen.sentenceThreshold(), chosen.sufficiencyThreshold(), chosen.f1(), chosen.msPerQuestion(), result.supportThreshold(),
                artifact.dir().resolve(LoopSettings.FILE));
    }
}
