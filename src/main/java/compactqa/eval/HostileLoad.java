package compactqa.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A service under attack by its own callers: while {@code normal} clients ask ordinary questions,
 * {@code hostile} clients send the most expensive requests the API accepts (their own documents,
 * up to a total of characters, all read in one step). Then three things a hostile client could
 * spoil are measured: the ordinary questions' error rate under that load; how long the server's CPU
 * stays busy after a heavy request was refused at its deadline (the work should stop with it); and
 * whether resident memory comes back once the load is gone.
 *
 * <p>The deadline probe needs a request that outlasts the server's deadline, which the default
 * token cap prevents (a capped request is scored in about 8 s, within the 10 s deadline): run it
 * against a service that accepts twice as much ({@code COMPACTQA_API_MAX_REQUEST_TOKENS=100000 ./qa
 * serve}, then {@code --hostile-chars 380000}), as the committed result says it was; ordinary
 * questions keep the default deadline.
 */
public final class HostileLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A core counts as busy above this share of one core. */
    static final double BUSY_SHARE = 0.2;
    private static final Duration PROBE_WATCH = Duration.ofSeconds(30);

    /** What to send and for how long. */
    public record Plan(int normalClients, int hostileClients, Duration duration, int hostileChars, Duration idle) {

        public Plan {
            if (normalClients < 1 || normalClients > 64 || hostileClients < 1 || hostileClients > 64) {
                throw new IllegalArgumentException("normal and hostile clients must each be 1 to 64");
            }
            if (hostileChars < 1000 || hostileChars > 1_000_000) {
                throw new IllegalArgumentException("the hostile documents' size must be 1,000 to 1,000,000 characters");
            }
        }
    }

    /**
     * The result.
     *
     * @param normalErrorRate         the ordinary questions answered 5xx or not at all, over all of them
     * @param cpuBusyAfterDeadlineS   seconds the server's CPU stayed above {@link #BUSY_SHARE} of a core
     *                                after a heavy request was answered 503 at its deadline; null where
     *                                no probe reached the deadline (the service was fast enough)
     * @param probeSeconds            how long the probe took to be answered
     * @param rssAfterIdleMb          resident memory after {@code idle_seconds} without requests
     */
    public record Result(String command, String commit, String date, String java, int cpus, String name, String url,
                         int normalClients, int hostileClients, int hostileChars, double seconds,
                         long normalRequests, Map<String, Long> normalStatuses, double normalErrorRate, LoadTest.Route normal,
                         long hostileRequests, Map<String, Long> hostileStatuses, LoadTest.Route hostile,
                         Integer probeStatus, double probeSeconds, Double cpuBusyAfterDeadlineS, Long serverPid,
                         Double rssBaselineMb, Double rssPeakMb, Double rssAfterIdleMb, double idleSeconds,
                         List<LoadTest.MemorySample> memory) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Result run(String name, URI base, List<String> questions, List<String> paragraphs, Plan plan, RunInfo run,
                      PrintWriter log) throws InterruptedException {
        if (questions.isEmpty() || paragraphs.isEmpty()) {
            throw new IllegalArgumentException("no questions or no paragraphs to send");
        }
        OptionalLong pid = LoadTest.listeningPid(base.getPort() < 0 ? 80 : base.getPort());
        List<LoadTest.MemorySample> memory = new ArrayList<>();
        long start = System.nanoTime();
        String heavy = heavyBody(questions.get(0), paragraphs, plan.hostileChars());

        // warm-up: the models load and the first questions are answered before anything is measured
        for (int i = 0; i < Math.min(4, questions.size()); i++) {
            send(qa(base, normalBody(questions.get(i))));
        }
        Double baseline = rssMb(pid);
        log.printf("warmed up; resident memory %s MB%n", baseline);

        Map<String, LongAdder> normalStatuses = new ConcurrentHashMap<>();
        Map<String, LongAdder> hostileStatuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Double> normalMs = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Double> hostileMs = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + plan.duration().toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(plan.normalClients() + plan.hostileClients());
        for (int c = 0; c < plan.normalClients(); c++) {
            int client = c;
            pool.submit(() -> {
                long n = client;
                while (System.nanoTime() < end) {
                    String question = questions.get((int) (n++ * 7919 % questions.size()));
                    timed(qa(base, normalBody(question)), normalStatuses, normalMs);
                }
                return null;
            });
        }
        for (int c = 0; c < plan.hostileClients(); c++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    timed(qa(base, heavy), hostileStatuses, hostileMs);
                }
                return null;
            });
        }
        pool.shutdown();
        while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
            sample(pid, start, memory);
            double left = Math.max(0, (end - System.nanoTime()) / 1e9);
            if (Math.round(left) % 10 == 0) {
                log.printf("load: %s normal, %s hostile, %.0f s left%n", LoadTest.totals(normalStatuses), LoadTest.totals(hostileStatuses), left);
                log.flush();
            }
        }

        // the deadline probe, alone on the service: once the hostile work still running has stopped
        // (and with it its hold on the heavy lane), one heavy request, then the CPU watched after the answer
        if (pid.isPresent()) {
            busySecondsAfter(pid.getAsLong(), PROBE_WATCH);
        }
        long probeSent = System.nanoTime();
        HttpResponse<String> probe = sendForBody(qa(base, heavy));
        int probeStatus = probe == null ? -1 : probe.statusCode();
        double probeSeconds = LoadTest.round((System.nanoTime() - probeSent) / 1e9);
        Double busy = null;
        // only the deadline's 503 says the work was stopped; a full heavy lane's or queue's says nothing of it
        if (probeStatus == 503 && probe.body().contains("deadline") && pid.isPresent()) {
            busy = busySecondsAfter(pid.getAsLong(), PROBE_WATCH);
            log.printf("probe: 503 at the deadline after %.1f s; the CPU stayed busy %.1f s after it%n", probeSeconds, busy);
        } else {
            log.printf("probe: %d after %.1f s (not the deadline's 503): no CPU figure; see the class comment%n", probeStatus, probeSeconds);
        }

        // idle: does the memory come back?
        long idleEnd = System.nanoTime() + plan.idle().toNanos();
        while (System.nanoTime() < idleEnd) {
            Thread.sleep(1000);
            sample(pid, start, memory);
        }
        Double afterIdle = rssMb(pid);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> normalTotals = LoadTest.totals(normalStatuses);
        long normalCount = normalTotals.values().stream().mapToLong(Long::longValue).sum();
        long normalBad = normalTotals.entrySet().stream().filter(e -> e.getKey().startsWith("5") || e.getKey().equals("transport"))
                .mapToLong(Map.Entry::getValue).sum();
        Double peak = memory.stream().mapToLong(LoadTest.MemorySample::rssBytes).max().stream().mapToDouble(b -> LoadTest.round(b / 1e6)).boxed()
                .findFirst().orElse(null);
        return new Result(run.command(), run.commit(), run.date(), run.java(), run.cpus(), name, base.toString(), plan.normalClients(),
                plan.hostileClients(), plan.hostileChars(), LoadTest.round(seconds), normalCount, normalTotals,
                normalCount == 0 ? 0 : Math.round(normalBad * 10000.0 / normalCount) / 10000.0, LoadTest.route(normalMs),
                LoadTest.totals(hostileStatuses).values().stream().mapToLong(Long::longValue).sum(), LoadTest.totals(hostileStatuses),
                LoadTest.route(hostileMs), probeStatus, probeSeconds, busy, pid.isPresent() ? pid.getAsLong() : null, baseline, peak, afterIdle,
                plan.idle().toSeconds(), memory);
    }

    /** A question with its own documents, about {@code chars} characters of real paragraphs, all read in one step. */
    static String heavyBody(String question, List<String> paragraphs, int chars) {
        ObjectNode body = JSON.createObjectNode().put("question", question).put("segmentSize", 50);
        ArrayNode documents = body.putArray("documents");
        int perDocument = Math.max(1, chars / 50);
        StringBuilder text = new StringBuilder();
        int total = 0;
        for (int i = 0; total < chars && documents.size() < 50; i++) {
            text.append(paragraphs.get(i % paragraphs.size())).append(' ');
            if (text.length() >= perDocument || total + text.length() >= chars) {
                String t = text.substring(0, Math.min(text.length(), Math.min(perDocument, chars - total)));
                documents.addObject().put("title", "Document " + (documents.size() + 1)).put("text", t);
                total += t.length();
                text.setLength(0);
            }
        }
        return body.toString();
    }

    private static String normalBody(String question) {
        return JSON.createObjectNode().put("question", question).toString();
    }

    private static HttpRequest qa(URI base, String body) {
        return HttpRequest.newBuilder(base.resolve("/api/qa")).timeout(Duration.ofSeconds(60)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> sendForBody(HttpRequest request) throws InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        }
    }

    private int send(HttpRequest request) throws InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private void timed(HttpRequest request, Map<String, LongAdder> statuses, ConcurrentLinkedQueue<Double> millis)
            throws InterruptedException {
        long t = System.nanoTime();
        int status = send(request);
        millis.add((System.nanoTime() - t) / 1e6);
        statuses.computeIfAbsent(status < 0 ? "transport" : String.valueOf(status), s -> new LongAdder()).increment();
    }

    /**
     * Seconds from now until the process's CPU use last exceeded {@link #BUSY_SHARE} of a core,
     * sampled every 100 ms for at most {@code watch}; 0 if it was already idle.
     */
    static double busySecondsAfter(long pid, Duration watch) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + watch.toNanos();
        OptionalLong last = cpuTicks(pid);
        double busyUntil = 0;
        int idleInARow = 0;
        while (System.nanoTime() < end && last.isPresent() && idleInARow < 20) {
            Thread.sleep(100);
            OptionalLong now = cpuTicks(pid);
            if (now.isEmpty()) {
                break;
            }
            double share = (now.getAsLong() - last.getAsLong()) / (double) TICKS_PER_SECOND / 0.1;
            last = now;
            if (share > BUSY_SHARE) {
                busyUntil = (System.nanoTime() - start) / 1e9;
                idleInARow = 0;
            } else {
                idleInARow++;
            }
        }
        return LoadTest.round(busyUntil);
    }

    /** {@code USER_HZ}: Linux reports process CPU time in these ticks. */
    static final int TICKS_PER_SECOND = 100;

    /** The user and system CPU time of {@code pid} so far, in ticks, from {@code /proc/<pid>/stat}. */
    static OptionalLong cpuTicks(long pid) {
        try {
            return parseTicks(Files.readString(Path.of("/proc/" + pid + "/stat")));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** utime + stime from a {@code stat} line (fields 14 and 15, counted after the command's closing parenthesis). */
    static OptionalLong parseTicks(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return OptionalLong.empty();
        }
        String[] f = stat.substring(close + 2).trim().split("\\s+");
        try {
            return OptionalLong.of(Long.parseLong(f[11]) + Long.parseLong(f[12]));
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static void sample(OptionalLong pid, long start, List<LoadTest.MemorySample> memory) {
        double seconds = (System.nanoTime() - start) / 1e9;
        pid.ifPresent(p -> LoadTest.rss(p).ifPresent(r -> memory.add(new LoadTest.MemorySample(Math.round(seconds * 10) / 10.0, r))));
    }

    private static Double rssMb(OptionalLong pid) {
        if (pid.isEmpty()) {
            return null;
        }
        OptionalLong rss = LoadTest.rss(pid.getAsLong());
        return rss.isPresent() ? LoadTest.round(rss.getAsLong() / 1e6) : null;
    }
}
