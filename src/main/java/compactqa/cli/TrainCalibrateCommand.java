package compactqa.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import compactqa.eval.DatasetLoader;
import compactqa.eval.QaExample;
import compactqa.eval.RunInfo;
import compactqa.model.ConfidenceCalibration;
import compactqa.model.ModelArtifact;
import compactqa.model.ModelConfig;
import compactqa.model.ReaderModel;
import compactqa.train.ReaderCalibration;
import compactqa.train.Recipe;
import compactqa.train.TrainingRun;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qa train calibrate}: fits a trained reader's confidence calibration on its recipe's validation questions. */
@Dependent
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Fit the reader's confidence calibration (Platt scaling) on the validation questions its recipe held out,",
                "report the expected calibration error before and after, and write calibration.json into the model folder."})
public class TrainCalibrateCommand implements Callable<Integer> {

    @Inject
    ModelConfig models;

    @Inject
    ProjectConfig project;

    @Inject
    DatasetLoader loader;

    @Spec
    CommandSpec spec;

    @Option(names = "--recipe", required = true, paramLabel = "FILE", description = "The recipe the reader was trained by.")
    Path recipeFile;

    @Option(names = "--model", paramLabel = "DIR", description = "The reader (default: the recipe's output folder).")
    Path model;

    @Override
    public Integer call() throws Exception {
        Recipe recipe = Recipe.read(recipeFile);
        if (!recipe.task().equals("reader")) {
            throw new IllegalArgumentException(recipeFile + " is a " + recipe.task() + " recipe; only readers are calibrated");
        }
        Path dir = model != null ? model : recipe.output(project.home());
        ModelArtifact artifact = ModelArtifact.load(dir);
        List<QaExample> validation = new TrainingRun(recipe, project.home(), models.cache(), loader).split().stream()
                .flatMap(s -> s.validation().stream()).toList();
        PrintWriter err = spec.commandLine().getErr();
        ConfidenceCalibration fitted;
        try (ReaderModel reader = ReaderModel.open(artifact, models.cache(), models.encoderOptions(), models.linearPrecision())) {
            fitted = ReaderCalibration.fit(reader, validation, recipe.seed(), err);
        }
        RunInfo run = RunInfo.capture("./qa " + String.join(" ", spec.commandLine().getParseResult().originalArgs()), project.home());
        Map<String, Object> report = new LinkedHashMap<>(fitted.report());
        report.put("command", run.command());
        report.put("commit", run.commit());
        report.put("date", run.date());
        report.put("weights_sha256", artifact.manifest().sha256());
        ConfidenceCalibration calibration = new ConfidenceCalibration(fitted.spanSlope(), fitted.spanIntercept(),
                fitted.yesNoSlope(), fitted.yesNoIntercept(), report);
        calibration.write(artifact.dir());
        spec.commandLine().getOut().printf("calibration of %s on %s validation readings: ECE %.4f before, %.4f after; written to %s%n",
                dir, report.get("readings"), (Double) report.get("ece_before"), (Double) report.get("ece_after"),
                artifact.dir().resolve(ConfidenceCalibration.FILE));
        return 0;
    }
}
