package compactqa.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

import compactqa.eval.EvalReport;
import compactqa.eval.ModelCard;
import compactqa.eval.ResultFiles;

/** Where a model evaluation's figures go: the model's {@code metrics.json}, its card, and the reports that list it. */
final class ModelFigures {

    private ModelFigures() {
    }

    /**
     * Records {@code metrics} for the model in {@code modelDir}, unless {@code limit} says they come
     * from part of the sets: a quick look never replaces the recorded figures.
     */
    static void record(Object metrics, Path modelDir, int limit, ProjectConfig project, PrintWriter err) throws IOException {
        if (limit > 0) {
            err.println("--limit: figures not recorded in " + modelDir.resolve("metrics.json"));
            return;
        }
        ResultFiles.write(metrics, modelDir.resolve("metrics.json"));
        ModelCard.write(modelDir);
        EvalReport.write(project.results(), project.models(), project.evalReadme(), project.readme());
    }
}
