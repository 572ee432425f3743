package compactqa.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import compactqa.dataset.QaExample;
import compactqa.eval.HostileLoad;
import compactqa.eval.LoadTest;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qa loadtest}: load on a service running on this machine, with latency, errors and its memory over time. */
@Dependent
@Command(name = "loadtest",
        description = {"Load a CompactQA service on this machine (loopback only) with concurrent clients for a bounded time and",
                "count: questions (POST /api/qa) and searches. Reports p50/p95/p99 per route, throughput, responses by status",
                "and the server's resident memory over time into eval/results/loadtest-<name>.json. With --hostile N, N more",
                "clients send the costliest requests the API accepts, then a deadline probe and an idle spell measure whether",
                "the work stops at the deadline and the memory comes back."})
public class LoadtestCommand implements Callable<Integer> {

    static final Duration MAX_DURATION = Duration.ofMinutes(30);

    @Mixin
    CommandContext context;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", paramLabel = "URL", description = "The service (default ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--clients", defaultValue = "8", paramLabel = "N", description = "Concurrent clients, 1 to 64 (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--duration", defaultValue = "PT5M", paramLabel = "DURATION",
            description = "How long, as ISO-8601 (PT5M) up to 30 minutes (default ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--max-requests", defaultValue = "1000000", paramLabel = "N", description = "Stop after this many requests (default ${DEFAULT-VALUE}).")
    long maxRequests;

    @Option(names = "--search-share", defaultValue = "0.2", paramLabel = "X", description = "Share of searches among the requests (default ${DEFAULT-VALUE}).")
    double searchShare;

    @Option(names = "--questions", defaultValue = "../shared/data/hotpotqa/dev-500.ircot.jsonl.gz", paramLabel = "FILE",
            description = "A data set file whose questions are asked (default ${DEFAULT-VALUE}).")
    Path questions;

    @Option(names = "--name", defaultValue = "default", paramLabel = "NAME", description = "Result name: eval/results/loadtest-<name>.json.")
    String name;

    @Mixin
    HostileOptions hostile;

    @Override
    public Integer call() throws Exception {
        if (clients < 1 || clients > 64) {
            throw new IllegalArgumentException("--clients must be 1 to 64");
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("--duration must be positive and at most 30 minutes");
        }
        if (maxRequests < 1 || !(searchShare >= 0 && searchShare <= 1)) {
            throw new IllegalArgumentException("--max-requests must be positive and --search-share in [0, 1]");
        }
        ResultName.checked(name);
        URI base = LoadTest.loopback(url);
        List<QaExample> examples = context.loader().load(context.resolve(questions));
        List<String> asked = examples.stream().map(QaExample::question).toList();
        if (hostile.clients > 0) {
            List<String> paragraphs = examples.stream().flatMap(e -> e.paragraphs().stream()).map(d -> d.text()).distinct().toList();
            HostileLoad.Result result = new HostileLoad().run(name, base, asked, paragraphs,
                    new HostileLoad.Plan(clients, hostile.clients, duration, hostile.chars, hostile.idle), context.run(), context.err());
            Path file = context.project().results().resolve("loadtest-" + name + ".json");
            context.record(result, file);
            context.out().printf("ordinary error rate %.3f; CPU busy %s s after the deadline; RSS %s MB after warm-up, %s MB after idle; %s%n",
                    result.normalErrorRate(), result.cpuBusyAfterDeadlineS(), result.rssBaselineMb(), result.rssAfterIdleMb(), file);
            return 0;
        }
        LoadTest.Result result = new LoadTest().run(name, base, asked, clients, duration, maxRequests, searchShare, context.run(),
                context.err());
        Path file = context.project().results().resolve("loadtest-" + name + ".json");
        context.record(result, file);
        context.out().printf("%,d requests in %.0f s (%.1f/s): statuses %s, 5xx %d, transport errors %d; %s; RSS growth after warm-up %s; %s%n",
                result.requests(), result.seconds(), result.requestsPerS(), result.statuses(), result.errors5xx(), result.transportErrors(),
                result.routes(), result.rssGrowthAfterWarmUp() == null ? "unknown" : String.format("%.1f%%", 100 * result.rssGrowthAfterWarmUp()),
                file);
        return result.errors5xx() == 0 && result.transportErrors() == 0 ? 0 : 1;
    }
}
