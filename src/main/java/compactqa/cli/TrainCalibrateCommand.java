package compactqa.cli;

import java.util.List;
import java.util.Map;

import compactqa.dataset.QaExample;
import compactqa.model.ConfidenceCalibration;
import compactqa.model.ModelArtifact;
import compactqa.model.Precisions;
import compactqa.model.ReaderModel;
import compactqa.model.Task;
import compactqa.train.ReaderCalibration;
import compactqa.train.Recipe;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qa train calibrate}: fits a trained reader's confidence calibration on its recipe's validation questions. */
@Dependent
@Command(name = "calibrate",
        description = {"Fit the reader's confidence calibration (Platt scaling) on the validation questions its recipe held out,",
                "report the expected calibration error before and after, and write calibration.json into the model folder."})
public class TrainCalibrateCommand extends ValidationFitCommand {

    @Option(names = "--contexts", defaultValue = "4", paramLabel = "N",
            description = "Compressor-like contexts read per validation question besides its gold paragraphs (default: ${DEFAULT-VALUE}).")
    int contexts;

    @Override
    String recordedPrecision(Precisions precisions) {
        return precisions.reader().id();
    }

    @Override
    Task task() {
        return Task.READER;
    }

    @Override
    void fit(ModelArtifact artifact, Recipe recipe, List<QaExample> validation, Map<String, Object> provenance) throws Exception {
        ConfidenceCalibration fitted;
        try (ReaderModel reader = ReaderModel.open(artifact, context.models().cache(), context.models().encoderOptions(),
                precisions().reader())) {
            fitted = ReaderCalibration.fit(reader, validation, recipe.seed(), contexts, context.err());
        }
        Map<String, Object> report = merged(fitted.report(), provenance);
        new ConfidenceCalibration(fitted.spanSlope(), fitted.spanIntercept(), fitted.yesNoSlope(), fitted.yesNoIntercept(), report)
                .write(artifact.dir());
        context.out().printf("calibration of %s on %s validation readings: ECE %.4f raw, %.4f Platt; %s kept, written to %s%n",
                artifact.dir(), report.get("readings"), (Double) report.get("ece_before"), (Double) report.get("ece_platt"), report.get("chosen"),
                artifact.dir().resolve(ConfidenceCalibration.FILE));
    }
}
