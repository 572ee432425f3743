package compactqa.cli;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import compactqa.dataset.QaExample;
import compactqa.eval.LoopTuning;
import compactqa.eval.Machine;
import compactqa.eval.PrecisionTrial;
import compactqa.eval.ResultFiles;
import compactqa.eval.RunInfo;
import compactqa.model.CompressorModel;
import compactqa.model.ModelArtifact;
import compactqa.model.ModelConfig;
import compactqa.model.Precision;
import compactqa.model.ReaderModel;
import compactqa.qa.CompressionSettings;
import compactqa.qa.EvidenceSelection;
import compactqa.qa.LoopSettings;
import compactqa.qa.QaConfig;
import compactqa.train.Recipe;
import compactqa.train.TrainingRun;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qa eval precision}: which precision the service may serve, decided on validation questions. */
@Dependent
@Command(name = "precision",
        description = {"Decide on validation questions (never a development set) which precision the service may serve: the reader",
                "alone over its recipe's held-out questions, and the active loop over the compressor recipe's held-out multi-hop",
                "questions, for each pairing of fp32 and int8 reader and compressor, each compared with fp32 on the same questions.",
                "A pairing keeping >= 99% of both fp32 F1s is admitted; the fastest admitted one is chosen. Writes",
                "eval/training/precision-choice.json."})
public class EvalPrecisionCommand implements Callable<Integer> {

    @Mixin
    CommandContext context;

    @Inject
    QaConfig qa;

    @Option(names = "--reader-recipe", defaultValue = "models/recipes/reader-comparisons.yaml", paramLabel = "FILE",
            description = "The recipe whose validation questions score the reader (default ${DEFAULT-VALUE}, the shipped reader's last stage).")
    Path readerRecipe;

    @Option(names = "--compressor-recipe", defaultValue = "models/recipes/compressor-multihop.yaml", paramLabel = "FILE",
            description = "The recipe whose multi-hop validation questions the loop answers (default ${DEFAULT-VALUE}).")
    Path compressorRecipe;

    @Option(names = "--reader", paramLabel = "DIR", description = "The reader (default: compactqa.qa.reader).")
    Path reader;

    @Option(names = "--compressor", paramLabel = "DIR", description = "The compressor (default: compactqa.qa.compressor).")
    Path compressor;

    @Option(names = "--output", defaultValue = "eval/training/precision-choice.json", paramLabel = "FILE",
            description = "Where the trial goes (default ${DEFAULT-VALUE}).")
    Path output;

    @Override
    public Integer call() throws Exception {
        ModelConfig models = context.models();
        ModelArtifact readerArtifact = ModelArtifact.load(reader != null ? reader : qa.reader());
        ModelArtifact compressorArtifact = ModelArtifact.load(compressor != null ? compressor : qa.compressor());
        List<QaExample> readerQuestions = validation(Recipe.read(context.resolve(readerRecipe)));
        List<QaExample> activeQuestions = LoopTuning.multiHop(validation(Recipe.read(context.resolve(compressorRecipe))));
        CompressionSettings settings = CompressionSettings.of(qa, LoopSettings.read(compressorArtifact.dir()));
        Map<Precision, ReaderModel> readers = new EnumMap<>(Precision.class);
        Map<Precision, CompressorModel> compressors = new EnumMap<>(Precision.class);
        PrecisionTrial.Result result;
        try {
            for (Precision p : Precision.values()) {
                readers.put(p, ReaderModel.open(readerArtifact, models.cache(), models.encoderOptions(), p));
                compressors.put(p, CompressorModel.open(compressorArtifact, models.cache(), models.encoderOptions(), p));
            }
            result = PrecisionTrial.run(readers, compressors, EvidenceSelection.read(compressorArtifact.dir()), readerQuestions,
                    activeQuestions, settings, context.err());
        } finally {
            readers.values().forEach(ReaderModel::close);
            compressors.values().forEach(CompressorModel::close);
        }
        RunInfo run = context.run();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("rule", "the fastest pairing of reader and compressor precisions whose reader F1 and active F1 on validation questions "
                + "both keep at least " + PrecisionTrial.KEPT + " of fp32's");
        report.put("reader", context.relative(readerArtifact.dir()));
        report.put("reader_sha256", readerArtifact.manifest().sha256());
        report.put("compressor", context.relative(compressorArtifact.dir()));
        report.put("compressor_sha256", compressorArtifact.manifest().sha256());
        report.put("reader_recipe", readerRecipe.toString());
        report.put("compressor_recipe", compressorRecipe.toString());
        report.put("loop", settings);
        report.put("result", result);
        report.put("command", run.command());
        report.put("commit", run.commit());
        report.put("date", run.date());
        report.put("java", run.java());
        report.put("machine", Machine.current());
        Path file = context.resolve(output);
        ResultFiles.write(report, file);
        PrecisionTrial.Arm chosen = result.chosen();
        context.out().printf("chosen: reader %s, compressor %s (active F1 %.2f, %.1f%% of fp32's; reader F1 %.1f%% of fp32's; %.0f ms per "
                        + "question); written to %s%n", chosen.reader(), chosen.compressor(), chosen.activeF1(), 100 * chosen.activeRetention(),
                100 * chosen.readerRetention(), chosen.activeMsPerQuestion(), context.relative(file));
        return 0;
    }

    private List<QaExample> validation(Recipe recipe) {
        return new TrainingRun(recipe, context.project().home(), context.models().cache(), context.loader()).split().stream()
                .flatMap(s -> s.validation().stream()).toList();
    }
}
