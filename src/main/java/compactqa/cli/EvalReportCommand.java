package compactqa.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import compactqa.eval.EvalReport;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code qa eval report}: regenerate {@code eval/README.md} from the result files. */
@Dependent
@Command(name = "report", description = {"Regenerate eval/README.md and the README's results table from eval/results/*.json,",
                "and the card of every model folder that has a metrics.json."})
public class EvalReportCommand implements Callable<Integer> {

    @Inject
    ProjectConfig project;

    @Mixin
    CommandContext context;

    @Override
    public Integer call() throws Exception {
        EvalReport.writeModelCards(project.models());
        Path readme = project.evalReadme();
        EvalReport.write(project.results(), project.models(), readme, project.readme());
        context.out().println("wrote " + readme);
        return 0;
    }
}
