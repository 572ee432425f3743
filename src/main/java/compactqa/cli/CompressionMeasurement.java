package compactqa.cli;

import java.io.IOException;
import java.nio.file.Path;

import compactqa.dataset.DataSplits;
import compactqa.eval.CompressionBenchResult;
import compactqa.eval.CompressionBenchmark;
import compactqa.model.ModelArtifact;
import picocli.CommandLine.Mixin;

/**
 * How {@code qa compress} and {@code qa eval compressed} end: the compressed model measured against
 * its original ({@link CompressionBenchmark}), the result recorded as
 * {@code eval/results/compress-<name>.json}, and a one-line summary; with the options that say on
 * which questions and where.
 */
public class CompressionMeasurement {

    @Mixin
    QuestionLimit limit;

    @Mixin
    ReaderSets sets;

    @Mixin
    ResultsFolder output;

    void run(CommandContext context, String name, String method, ModelArtifact original, ModelArtifact compressed) throws IOException {
        CompressionBenchmark.Data data = new CompressionBenchmark.Data(
                DataSplits.inLastArticles(context.loader().load(context.resolve(sets.squad())), DataSplits.SQUAD_HELD_OUT_ARTICLES),
                context.loader().load(context.resolve(sets.hotpotDev())), limit.value());
        CompressionBenchResult result = new CompressionBenchmark().run(name, method, original, compressed, data, context.models().cache(),
                context.models().encoderOptions(), context.run(), context.err());
        Path file = context.record(result, "compress-" + name + ".json", output);
        context.out().printf("%s: disk %.1f MB (%.1f%% of fp32), 1x384 %.2fx faster (%.2fx at 1 thread), metrics %s (original %s); %s%n",
                name, result.diskBytes() / 1e6, 100 * result.relative().get("disk_share"), result.relative().get("speedup_1x384"),
                result.relative().getOrDefault("speedup_1x384_1t", result.relative().get("speedup_1x384")),
                result.metrics(), result.original().metrics(), file);
    }
}
