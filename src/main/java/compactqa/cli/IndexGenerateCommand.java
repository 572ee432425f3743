package compactqa.cli;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import compactqa.corpus.CorpusLoader;
import compactqa.corpus.Document;
import compactqa.corpus.SyntheticCorpus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qa index generate}: a corpus of any size with a real corpus's statistics, for scale tests. */
@Dependent
@Command(name = "generate",
        description = {"Write a synthetic corpus (JSON lines {id,title,text}) with the paragraph lengths, word frequencies",
                "(Zipf) and vocabulary growth (Heaps) of the corpus files given with --like, for measuring the index at",
                "sizes no real corpus here has. Words are drawn independently: for size and speed, not for answers."})
public class IndexGenerateCommand implements Callable<Integer> {

    @Inject
    CorpusLoader corpus;

    @Mixin
    CommandContext context;

    @Option(names = "--like", required = true, split = ",", paramLabel = "PATH",
            description = "Corpus files or folders whose statistics to copy (any format 'qa index build' reads).")
    List<Path> like;

    @Option(names = "--paragraphs", required = true, paramLabel = "N", description = "How many paragraphs to write.")
    long paragraphs;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The JSON lines file to write (.gz: gzipped).")
    Path out;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (paragraphs < 1) {
            throw new IllegalArgumentException("--paragraphs must be at least 1");
        }
        PrintWriter err = context.err();
        SyntheticCorpus model;
        try (Stream<Document> sample = corpus.read(like)) {
            model = SyntheticCorpus.fit(sample);
        }
        context.out().printf(Locale.ROOT, "model: Zipf exponent %.3f, %,d distinct words expected in %,d paragraphs%n", model.zipf(),
                model.vocabulary(paragraphs), paragraphs);
        context.out().flush();
        Path absolute = out.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        // written beside and moved into place: an interrupted run leaves no half corpus under the name
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        long start = System.nanoTime();
        try (OutputStream file = Files.newOutputStream(partial);
             OutputStream body = absolute.toString().endsWith(".gz") ? new GZIPOutputStream(file, 1 << 16) : file;
             Writer writer = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8), 1 << 16)) {
            model.write(paragraphs, seed, writer, done -> {
                if (done % 200_000 == 0 || done == paragraphs) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    err.printf(Locale.ROOT, "generated %,d/%,d paragraphs, %,.0f/s, ETA %.0f s%n", done, paragraphs, done / seconds,
                            seconds / done * (paragraphs - done));
                    err.flush();
                }
            });
        } catch (Exception e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        context.out().printf(Locale.ROOT, "wrote %,d paragraphs to %s (%s)%n", paragraphs, out, Bytes.format(Files.size(absolute)));
        return 0;
    }
}
