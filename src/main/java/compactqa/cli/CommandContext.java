package compactqa.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

import compactqa.dataset.DatasetLoader;
import compactqa.eval.EvalReport;
import compactqa.eval.ModelCard;
import compactqa.eval.ResultFiles;
import compactqa.eval.RunInfo;
import compactqa.model.ModelConfig;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What a command that measures, trains or writes results works with, mixed into it
 * ({@code @Mixin CommandContext context}): the project's folders, the models' settings, the data set
 * loader, its own command line for the record, and the one way results are written.
 */
// @Command, empty: picocli accepts a mixin only if it carries one of its annotations
@Command
@Dependent
public class CommandContext {

    @Inject
    ProjectConfig project;

    @Inject
    ModelConfig models;

    @Inject
    DatasetLoader loader;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    public ProjectConfig project() {
        return project;
    }

    public ModelConfig models() {
        return models;
    }

    public DatasetLoader loader() {
        return loader;
    }

    public PrintWriter out() {
        return spec.commandLine().getOut();
    }

    public PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** {@code path} under the project folder, unless absolute. */
    public Path resolve(Path path) {
        return project.home().resolve(path);
    }

    /** {@code path} as results name it: from the project folder, so that they read the same on any machine. */
    public String relative(Path path) {
        Path home = project.home().toAbsolutePath().normalize();
        Path p = path.toAbsolutePath().normalize();
        return (p.startsWith(home) ? home.relativize(p) : p).toString();
    }

    /** The command as typed, for the record. */
    public String command() {
        return "./qa " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }

    /** The command, commit and machine of this run, as every result file records them. */
    public RunInfo run() {
        return RunInfo.capture(command(), project.home());
    }

    /** Writes a benchmark result to {@code file} and regenerates the report and the README's results table. */
    public void record(Object result, Path file) throws IOException {
        ResultFiles.write(result, file);
        report();
    }

    /**
     * Writes a benchmark result as {@code fileName} in {@code folder}'s folder: in the project's
     * results, regenerating the report; elsewhere, alone.
     *
     * @return the file written
     */
    public Path record(Object result, String fileName, ResultsFolder folder) throws IOException {
        if (folder.given() == null) {
            Path file = project.results().resolve(fileName);
            record(result, file);
            return file;
        }
        Path file = folder.given().resolve(fileName);
        ResultFiles.write(result, file);
        return file;
    }

    /** Regenerates {@code eval/README.md} and the README's results table from the result files. */
    public void report() throws IOException {
        EvalReport.write(project.results(), project.models(), project.evalReadme(), project.readme());
    }

    /**
     * Records a model evaluation's {@code metrics} in the model's {@code metrics.json}, its card and
     * the report, unless {@code limit} says they come from part of the sets: a quick look never
     * replaces the recorded figures.
     */
    public void recordModel(Object metrics, Path modelDir, int limit) throws IOException {
        if (limit > 0) {
            err().println("--limit: figures not recorded in " + modelDir.resolve("metrics.json"));
            return;
        }
        ResultFiles.write(metrics, modelDir.resolve("metrics.json"));
        ModelCard.write(modelDir);
        report();
    }
}
