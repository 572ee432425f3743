package compactqa.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The sets a reader is scored on: SQuAD dev and HotpotQA dev-500 over its gold paragraphs. */
public class ReaderSets {

    @Option(names = "--squad", defaultValue = "../shared/data/squad/squad-v1.1-dev.json.gz", paramLabel = "FILE",
            description = "SQuAD dev (default ${DEFAULT-VALUE}).")
    Path squad;

    @Option(names = "--hotpot-dev", defaultValue = "../shared/data/hotpotqa/dev-500.ircot.jsonl.gz", paramLabel = "FILE",
            description = "HotpotQA dev-500 (default ${DEFAULT-VALUE}).")
    Path hotpotDev;

    public Path squad() {
        return squad;
    }

    public Path hotpotDev() {
        return hotpotDev;
    }
}
