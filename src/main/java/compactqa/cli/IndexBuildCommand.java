package compactqa.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import compactqa.index.IndexConfig;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code qa index build [PATH...]}: a fresh index, switched in only once complete. */
@Dependent
@Command(name = "build",
        description = {"Build a new index from corpus files and folders, and make it live once it is complete.",
                "Formats are recognised from content: JSONL {id,title,text}, .txt files, and the paragraphs of",
                "HotpotQA, 2WikiMultihopQA, IRCoT, MuSiQue, SQuAD and NQ files (gzip or not).",
                "Without paths, indexes the default corpus. A build that fails or is killed leaves the previous index live."})
public class IndexBuildCommand extends IndexWriteCommand implements Callable<Integer> {

    @Inject
    IndexConfig config;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Corpus files or folders (default: the default corpus).")
    List<Path> inputs = List.of();

    @Override
    public Integer call() throws Exception {
        List<Path> paths = inputs.isEmpty()
                ? List.of(config.defaultCorpus().stream().filter(Files::exists).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no PATH given and no default corpus exists: "
                                + config.defaultCorpus())))
                : inputs;
        return write(paths, "building from", (files, read, progress) -> index.build(files, read, progress));
    }
}
