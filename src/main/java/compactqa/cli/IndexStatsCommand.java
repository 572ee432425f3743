package compactqa.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import compactqa.index.IndexInfo;
import compactqa.index.IndexService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qa index stats}: what the live index holds. */
@Dependent
@Command(name = "stats", description = "Describe the live index: size, analyzer, documents per source.")
public class IndexStatsCommand implements Callable<Integer> {

    @Inject
    IndexService index;

    @Mixin
    CommandContext context;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        IndexInfo info = index.info();
        PrintWriter out = context.out();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(info));
            return 0;
        }
        out.printf("index      %s%n", index.store().root().resolve(info.generation()));
        out.printf("documents  %,d (%,d deleted, %d segments)%n", info.documents(), info.deleted(), info.segments());
        out.printf("size       %s%n", Bytes.format(info.diskBytes()));
        out.printf("analyzer   %s%n", info.analyzer().id());
        out.printf("built      %s%n", info.created());
        out.println("sources");
        info.sources().forEach((source, count) -> out.printf("  %,9d  %s%n", count, source));
        return 0;
    }
}
