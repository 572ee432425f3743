package compactqa.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import compactqa.corpus.CorpusFile;
import compactqa.corpus.CorpusLoader;
import compactqa.index.BuildStats;
import compactqa.index.IndexService;
import jakarta.inject.Inject;
import picocli.CommandLine.Mixin;

/** What {@code index build} and {@code index add} share: reading inputs with progress, and the report. */
abstract class IndexWriteCommand {

    @Inject
    IndexService index;

    @Inject
    CorpusLoader corpus;

    @Mixin
    CommandContext context;

    interface Write {
        BuildStats run(List<CorpusFile> files, LongAdder bytesRead, ConsoleProgress progress) throws IOException;
    }

    int write(List<Path> inputs, String verb, Write write) throws IOException {
        PrintWriter out = context.out();
        PrintWriter err = context.err();
        List<CorpusFile> files = corpus.plan(inputs);
        long bytes = files.stream().mapToLong(CorpusFile::bytes).sum();
        Map<String, Long> formats = files.stream()
                .collect(Collectors.groupingBy(CorpusFile::format, TreeMap::new, Collectors.counting()));
        out.printf("%s %,d files (%s), %s on disk%n", verb, files.size(),
                formats.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")),
                Bytes.format(bytes));
        out.flush();
        LongAdder read = new LongAdder();
        ConsoleProgress progress = new ConsoleProgress(err, read, bytes, System.console() != null);
        BuildStats stats;
        try {
            stats = write.run(files, read, progress);
        } finally {
            progress.finish();
        }
        out.printf("indexed %,d paragraphs, skipped %,d duplicates%s, in %.1f s (%,.0f docs/s)%n", stats.indexed(),
                stats.duplicates(), stats.renamedIds() > 0 ? ", renamed " + stats.renamedIds() + " clashing ids" : "",
                stats.seconds(), stats.docsPerSecond());
        out.printf("index %s: %,d paragraphs, %s, analyzer %s, at %s%n", stats.generation(), stats.totalDocs(),
                Bytes.format(stats.diskBytes()), stats.analyzer().id(), index.store().root());
        return 0;
    }
}
