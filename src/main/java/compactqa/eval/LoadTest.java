package compactqa.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import compactqa.metrics.Latencies;

/**
 * A closed-loop load test of a running service on this machine: {@code clients} callers each send
 * the next question as soon as the last was answered, for a bounded time and count, mixing
 * questions ({@code POST /api/qa}) and searches ({@code GET /api/search}). Records latency
 * percentiles per route, throughput, responses by status, and the server's resident memory over
 * time, read from {@code /proc} for the process listening on the port.
 *
 * <p>Only loopback addresses are accepted: this is a tool for measuring one's own service, not for
 * loading someone else's.
 */
public final class LoadTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One route's figures. */
    public record Route(long requests, double p50Ms, double p95Ms, double p99Ms, double maxMs) {
    }

    /** One memory reading. */
    public record MemorySample(double seconds, long rssBytes) {
    }

    /**
     * The result.
     *
     * @param rssGrowthAfterWarmUp resident memory at the end over resident memory after the warm-up
     *                             (the first fifth of the run), minus 1; null where memory could not be read
     * @param served               what the service answered with, as its readiness check says (reader, compressor,
     *                             precision); null where it did not say
     * @param stages               where an answered question's time went, from each answer's trace: retrieval,
     *                             compression, reader, the pipeline in all, and {@code outside}: the client's
     *                             latency less the pipeline's (waiting for a worker, HTTP, JSON)
     * @param machine              the CPU (its flags decide what int8 costs)
     */
    public record Result(String command, String commit, String date, String java, int cpus, String name, String url, int clients,
                         double seconds, long requests, double requestsPerS, Map<String, Long> statuses, long errors5xx,
                         long transportErrors, double errorRate, Map<String, Route> routes, Long serverPid,
                         List<MemorySample> memory, Double rssGrowthAfterWarmUp,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> served,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Route> stages, Machine machine) {
    }

    /** Refuses any host that is not a loopback address. */
    public static URI loopback(String url) {
        URI uri = URI.create(url);
        try {
            if (uri.getHost() == null || !InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException("the load test only targets this machine (loopback), not " + uri.getHost());
            }
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + uri.getHost());
        }
        return uri;
    }

    public Result run(String name, URI base, List<String> questions, int clients, Duration duration, long maxRequests, double searchShare,
                      RunInfo run, PrintWriter log) throws InterruptedException {
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("no questions to ask");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        OptionalLong pid = listeningPid(base.getPort() < 0 ? 80 : base.getPort());
        Map<String, String> served = served(http, base);
        Map<String, ConcurrentLinkedQueue<Double>> millis = new ConcurrentHashMap<>();
        Map<String, ConcurrentLinkedQueue<Double>> stageMillis = new ConcurrentHashMap<>();
        Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        LongAdder transportErrors = new LongAdder();
        AtomicLong sent = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<MemorySample> memory = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                long n = client;
                while (System.nanoTime() < end && sent.incrementAndGet() <= maxRequests) {
                    String question = questions.get((int) (n++ * 7919 % questions.size()));
                    boolean search = (n * 2654435761L % 1000) / 1000.0 < searchShare;
                    HttpRequest request = search
                            ? HttpRequest.newBuilder(base.resolve("/api/search?q=" + java.net.URLEncoder.encode(question,
                                    java.nio.charset.StandardCharsets.UTF_8) + "&k=10")).timeout(Duration.ofSeconds(30)).GET().build()
                            : HttpRequest.newBuilder(base.resolve("/api/qa")).timeout(Duration.ofSeconds(30))
                                    .header("content-type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body(question))).build();
                    long t = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        double ms = (System.nanoTime() - t) / 1e6;
                        String route = search ? "search" : "qa";
                        millis.computeIfAbsent(route, r -> new ConcurrentLinkedQueue<>()).add(ms);
                        if (!search && response.statusCode() == 200) {
                            stages(response.body(), ms).forEach((stage, v) -> stageMillis.computeIfAbsent(stage, k -> new ConcurrentLinkedQueue<>()).add(v));
                        }
                        statuses.computeIfAbsent(String.valueOf(response.statusCode()), s -> new LongAdder()).increment();
                    } catch (IOException e) {
                        transportErrors.increment();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        pool.shutdown();
        long lastLog = System.nanoTime();
        while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            pid.ifPresent(p -> rss(p).ifPresent(r -> memory.add(new MemorySample(Math.round(seconds * 10) / 10.0, r))));
            if (System.nanoTime() - lastLog > 10_000_000_000L) {
                long done = statuses.values().stream().mapToLong(LongAdder::sum).sum();
                log.printf("%.0f s: %,d answered (%.1f/s), statuses %s, ETA %.0f s%n", seconds, done, done / seconds, totals(statuses),
                        Math.max(0, (end - System.nanoTime()) / 1e9));
                log.flush();
                lastLog = System.nanoTime();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pid.ifPresent(p -> rss(p).ifPresent(r -> memory.add(new MemorySample(Math.round(seconds * 10) / 10.0, r))));
        Map<String, Route> routes = new LinkedHashMap<>();
        millis.forEach((route, values) -> routes.put(route, route(values)));
        Map<String, Route> stages = new LinkedHashMap<>();
        for (String stage : STAGES) {
            if (stageMillis.containsKey(stage)) {
                stages.put(stage, route(stageMillis.get(stage)));
            }
        }
        Map<String, Long> byStatus = totals(statuses);
        long answered = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long errors5xx = byStatus.entrySet().stream().filter(e -> e.getKey().startsWith("5")).mapToLong(Map.Entry::getValue).sum();
        long total = answered + transportErrors.sum();
        return new Result(run.command(), run.commit(), run.date(), run.java(), run.cpus(), name, base.toString(), clients,
                Math.round(seconds * 10) / 10.0, total, Math.round(answered / seconds * 100) / 100.0, byStatus, errors5xx,
                transportErrors.sum(), total == 0 ? 0 : Math.round((errors5xx + transportErrors.sum()) * 10000.0 / total) / 10000.0,
                routes, pid.isPresent() ? pid.getAsLong() : null, memory, growth(memory, seconds), served, stages, Machine.current());
    }

    /** The models check's data of the service's readiness probe (reader, compressor, precision), or null. */
    static Map<String, String> served(HttpClient http, URI base) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/q/health/ready")).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode check : JSON.readTree(response.body()).path("checks")) {
                if (check.path("name").asText().equals("models") && check.path("data").isObject()) {
                    Map<String, String> data = new LinkedHashMap<>();
                    check.path("data").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
                    return data;
                }
            }
        } catch (IOException e) {
            // the run itself reports an unreachable service
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /** The stages {@link #stages} names, in the order of a question. */
    static final List<String> STAGES = List.of("retrieval", "compression", "reader", "pipeline", "outside");

    /**
     * An answer's time by stage, from its trace, and what the client waited beyond the pipeline
     * ({@code outside}); empty where the body holds no trace.
     */
    static Map<String, Double> stages(String body, double clientMs) {
        JsonNode trace;
        try {
            trace = JSON.readTree(body).path("trace");
        } catch (IOException e) {
            return Map.of();
        }
        if (!trace.path("totalMs").isNumber()) {
            return Map.of();
        }
        double pipeline = trace.path("totalMs").asDouble();
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("retrieval", trace.path("retrievalMs").asDouble());
        out.put("compression", trace.path("compressionMs").asDouble());
        out.put("reader", trace.path("readerMs").asDouble());
        out.put("pipeline", pipeline);
        out.put("outside", Math.max(0, clientMs - pipeline));
        return out;
    }

    private static String body(String question) {
        ObjectNode node = JSON.createObjectNode().put("question", question);
        return node.toString();
    }

    /** Responses by status so far, in status order. */
    static Map<String, Long> totals(Map<String, LongAdder> statuses) {
        Map<String, Long> out = new java.util.TreeMap<>();
        statuses.forEach((s, n) -> out.put(s, n.sum()));
        return out;
    }

    static Route route(java.util.Collection<Double> values) {
        Latencies latencies = Latencies.of(values);
        return new Route(latencies.count(), round(latencies.percentile(0.5)), round(latencies.percentile(0.95)),
                round(latencies.percentile(0.99)), round(latencies.max()));
    }

    /** End RSS over the mean RSS just after the warm-up (the first fifth), minus 1. */
    static Double growth(List<MemorySample> memory, double seconds) {
        List<MemorySample> afterWarmUp = memory.stream().filter(m -> m.seconds() >= seconds / 5).toList();
        if (afterWarmUp.size() < 2) {
            return null;
        }
        double first = afterWarmUp.get(0).rssBytes();
        double last = afterWarmUp.get(afterWarmUp.size() - 1).rssBytes();
        return Math.round((last / first - 1) * 10000) / 10000.0;
    }

    /** The resident memory of process {@code pid}, from {@code /proc/<pid>/status}. */
    static OptionalLong rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** The process listening on TCP {@code port} on this machine, found through {@code /proc/net/tcp*} and the processes' sockets. */
    static OptionalLong listeningPid(int port) {
        List<String> inodes = new ArrayList<>();
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            try {
                for (String line : Files.readAllLines(Path.of(table)).subList(1, Files.readAllLines(Path.of(table)).size())) {
                    String[] f = line.trim().split("\\s+");
                    String local = f[1];
                    if (f[3].equals("0A") && Integer.parseInt(local.substring(local.indexOf(':') + 1), 16) == port) {
                        inodes.add(f[9]);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no such table
            }
        }
        if (inodes.isEmpty()) {
            return OptionalLong.empty();
        }
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
                    for (Path fd : fds.toList()) {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (inodes.stream().anyMatch(i -> target.equals("socket:[" + i + "]"))) {
                            return OptionalLong.of(Long.parseLong(proc.getFileName().toString()));
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // a process we may not look into, or one that ended
                }
            }
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** To one decimal, as every figure of a load test is reported. */
    static double round(double x) {
        return Math.round(x * 10) / 10.0;
    }
}
