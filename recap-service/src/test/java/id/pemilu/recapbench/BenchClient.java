package id.pemilu.recapbench;

import id.pemilu.recap.registry.RegistryGenerator;
import id.pemilu.recap.registry.Station;
import id.pemilu.recap.testdata.Forms;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes a full PPWP C.Hasil for every TPS of a region through the real HTTP API (one KPPS token per TPS, an
 * Idempotency-Key per TPS, retried like a phone on errors), then measures how long until the national total is
 * final and checks every tier (desa .. national) against the ground truth computed here.
 * <p>
 * Arguments: {@code url region threads [serverPid]}; see recap-service/bench/run.sh.
 */
public final class BenchClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String url;
    /** BENCH_FLOOR=1: the confirmations go to FloorController, which stores nothing (the HTTP path's ceiling). */
    private final boolean floor = "1".equals(System.getenv("BENCH_FLOOR"));
    /** BENCH_CLIENT=jdk: the confirmations through the JDK's HttpClient (as before 7 Dec) instead of RawHttp. */
    private final boolean jdkClient = "jdk".equals(System.getenv("BENCH_CLIENT"));
    private final ThreadLocal<RawHttp> raw;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong peakHeap = new AtomicLong();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final Map<String, Integer> retryCauses = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * BENCH_SUBMIT_URL (bench/gateway.sh): the confirmations go there, e.g. through the gateway; the checks, the
     * rebuild and the wait for the national total still go to {@code url} (straight to recap-service).
     */
    private final String submitUrl;
    /** BENCH_TOKENS=file (bench/gateway.sh): Keycloak-issued tokens, {@code <tps> <token>} and {@code kpu-ri <token>}. */
    private final Map<String, String> issued;

    private BenchClient(String url) throws java.io.IOException {
        this.url = url;
        this.submitUrl = System.getenv().getOrDefault("BENCH_SUBMIT_URL", url);
        this.raw = ThreadLocal.withInitial(() -> new RawHttp(submitUrl));
        String file = System.getenv("BENCH_TOKENS");
        this.issued = file == null ? null : KeycloakBenchTokens.read(java.nio.file.Path.of(file));
    }

    private String kppsToken(String tps) {
        if (issued == null) {
            return BenchTokens.kpps(tps);
        }
        String token = issued.get(tps);
        if (token == null) {
            throw new IllegalStateException("no token for " + tps + " in " + System.getenv("BENCH_TOKENS"));
        }
        return token;
    }

    private String kpuRiToken() {
        return issued == null ? BenchTokens.kpuRi() : issued.get("kpu-ri");
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:18084";
        String region = args.length > 1 ? args[1] : "31";
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        String pid = args.length > 3 ? args[3] : null;
        System.exit(new BenchClient(url).run(region, threads, pid) ? 0 : 1);
    }

    private boolean run(String region, int threads, String pid) throws Exception {
        // BENCH_EARLIER=regions: results that arrive before the measured ones, as on election night, when the polls
        // of WIT and WITA close two hours and one hour before those of WIB (the service is warm when Java's results come);
        // submitted first and counted in every tier, but outside the measured figures
        List<Station> earlier = new ArrayList<>();
        String earlierRegions = System.getenv("BENCH_EARLIER");
        if (earlierRegions != null && !earlierRegions.isBlank()) {
            for (String one : earlierRegions.split(",")) {
                RegistryGenerator.generate(one.trim(), earlier::add);
            }
        }
        List<Station> stations = new ArrayList<>();
        for (String one : region.split(",")) { // several regions: "33,32" (the server's registry must hold them)
            RegistryGenerator.generate(one.trim(), stations::add);
        }
        System.out.printf("Benchmark: %,d TPS in region %s, %d client threads, target %s, %s, %s%n",
                stations.size(), region, threads, submitUrl, issued == null ? "bench tokens" : "Keycloak tokens", jdkClient ? "JDK HttpClient" : "RawHttp client (BENCH_CLIENT=jdk for the JDK's)");
        Map<String, Map<String, Long>> truth = new HashMap<>();
        Map<String, Integer> truthTps = new HashMap<>();
        List<String> bodies = new ArrayList<>(stations.size());
        List<String> tokens = new ArrayList<>(stations.size()); // signed before the clock starts
        List<Station> all = new ArrayList<>(earlier);
        all.addAll(stations);
        for (Station s : all) {
            Map<String, Integer> values = result(s);
            bodies.add("{\"values\":" + Forms.json(values) + "}");
            tokens.add(kppsToken(s.code().value()));
            for (String code : regionsOf(s.code().desaCode())) {
                Map<String, Long> sums = truth.computeIfAbsent(code, k -> new HashMap<>());
                values.forEach((k, v) -> sums.merge(k, (long) v, Long::sum));
                truthTps.merge(code, 1, Integer::sum);
            }
        }
        Thread sampler = new Thread(this::sampleHeap, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();

        String gatewayPid = System.getenv("BENCH_GATEWAY_PID");
        long gatewayCpuBefore = cpuMillis(gatewayPid);
        long clientCpuBefore = clientCpuNanos();
        long cpuBefore = cpuMillis(pid);
        long jitBefore = jitMillis(pid);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        if (!earlier.isEmpty()) {
            submitEarlier(earlier, bodies, tokens, threads, pool, earlierRegions.trim());
            bodies = bodies.subList(earlier.size(), bodies.size());
            tokens = tokens.subList(earlier.size(), tokens.size());
            gatewayCpuBefore = cpuMillis(gatewayPid);
            clientCpuBefore = clientCpuNanos();
            cpuBefore = cpuMillis(pid);
            jitBefore = jitMillis(pid);
        }
        List<String> measuredBodies = bodies;
        List<String> measuredTokens = tokens;
        long[] latencies = new long[stations.size()];
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        long[] half = new long[3]; // time, server CPU ms, client CPU ns when half of the results were submitted
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < stations.size()) {
                    latencies[i] = submit(stations.get(i).code().value(), measuredTokens.get(i), measuredBodies.get(i));
                    int d = done.incrementAndGet();
                    if (d == stations.size() / 2) {
                        half[0] = System.nanoTime();
                        half[1] = cpuMillis(pid);
                        half[2] = clientCpuNanos();
                        jfr(pid, "JFR.start", "name=bench", "settings=profile");
                    }
                    if (d % 20_000 == 0) {
                        System.out.printf("  %,d submitted (%.0f/s)%n", d, d / ((System.nanoTime() - start) / 1e9));
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        long lastSubmit = System.nanoTime();
        double seconds = (lastSubmit - start) / 1e9;
        jfr(pid, "JFR.stop", "name=bench", "filename=" + System.getenv("BENCH_JFR"));
        long clientCpuSubmit = clientCpuNanos() - clientCpuBefore;
        if (gatewayPid != null) {
            System.out.printf("Gateway CPU during the submits: %.2f ms per result%n",
                    (cpuMillis(gatewayPid) - gatewayCpuBefore) / (double) stations.size());
        }
        long serverCpuSubmit = cpuMillis(pid) - cpuBefore;
        secondHalf(stations.size() - stations.size() / 2, lastSubmit - half[0], cpuMillis(pid) - half[1],
                clientCpuNanos() - half[2], pid != null);
        if (floor) {
            return reportFloor(stations.size(), seconds, latencies, clientCpuSubmit, serverCpuSubmit, pool);
        }
        long finalAt = waitUntilFinal(truth.get("ID"), truthTps.get("ID"));
        double timeToFinal = (finalAt - lastSubmit) / 1e9;
        long cpuUsed = cpuMillis(pid) - cpuBefore;
        long jitUsed = jitMillis(pid) - jitBefore;

        long[] sorted = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        System.out.printf("Submitted %,d results in %.1f s: %.0f results/s sustained%n", stations.size(), seconds,
                stations.size() / seconds);
        System.out.printf("Submit latency p50 %.1f ms, p99 %.1f ms, max %.1f ms (retries %d, refused %d)%n",
                pct(sorted, 50), pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                retries.get(), refused.get());
        if (!retryCauses.isEmpty()) {
            System.out.println("  retried because of: " + retryCauses);
        }
        System.out.printf("National total final %.2f s after the last submit%n", timeToFinal);
        if (pid != null) {
            System.out.printf("Server CPU: %.1f ms per result (%.1f s CPU for submit + recap; the machine's load "
                    + "average was %s) -> about %.0f results/s if the service had 2 idle cores%n",
                    cpuUsed / (double) stations.size(), cpuUsed / 1000.0, loadAverage(),
                    2000.0 * stations.size() / Math.max(1, cpuUsed));
            // the client shares the 2 cores: its CPU per result is a floor under any server's
            System.out.printf("Client CPU (this benchmark's own process, during the submits): %.2f ms per result; "
                    + "server + client during the submits: %.2f ms per result -> at most %.0f results/s on 2 cores%n",
                    clientCpuSubmit / 1e6 / stations.size(),
                    (serverCpuSubmit + clientCpuSubmit / 1e6) / stations.size(),
                    2000.0 * stations.size() / Math.max(1, serverCpuSubmit + clientCpuSubmit / 1e6));
            // the JIT compiles the request path during the first thousands of results: a cost that does not grow
            // with the run, so short runs show more CPU per result than a sustained election night would
            System.out.printf("  of which JIT compiler threads %.1f s; without them %.1f ms per result%n",
                    jitUsed / 1000.0, (cpuUsed - jitUsed) / (double) stations.size());
        }

        int checked = 0;
        List<String> wrong = new ArrayList<>();
        List<Future<Boolean>> checks = new ArrayList<>();
        List<String> codes = new ArrayList<>(truth.keySet());
        for (String code : codes) {
            checks.add(pool.submit(() -> matches(code, truth.get(code), truthTps.get(code))));
        }
        for (int i = 0; i < codes.size(); i++) {
            checked++;
            if (!checks.get(i).get()) {
                wrong.add(codes.get(i));
            }
        }
        pool.shutdown();
        System.out.printf("Tier check: %,d regions (desa, kecamatan, kab/kota, provinsi, national) compared with "
                + "ground truth: %s%n", checked, wrong.isEmpty() ? "ALL EQUAL" : wrong.size() + " DIFFERENT " + wrong
                .subList(0, Math.min(10, wrong.size())));
        long rebuildStart = System.nanoTime();
        JsonNode rebuild = post("/api/recap/admin/rebuild", kpuRiToken(), "");
        if (!rebuild.has("results")) {
            System.out.printf("Rebuild from scratch FAILED after %.1f s: %s%n", (System.nanoTime() - rebuildStart) / 1e9,
                    rebuild);
            return false;
        }
        System.out.printf("Rebuild from scratch (%.1f s): %d results, %d stored regions, %d differences%n",
                (System.nanoTime() - rebuildStart) / 1e9, rebuild.get("results").asLong(),
                rebuild.get("regionsChecked").asInt(), rebuild.get("differences").size());
        System.out.printf("Peak heap used (sampled) %.0f MB%s%n", peakHeap.get() / 1e6, pid == null ? ""
                : ", peak RSS " + peakRss(pid));
        return wrong.isEmpty() && rebuild.get("differences").isEmpty();
    }

    /** The results of BENCH_EARLIER, submitted before the clock starts; their rate and CPU reported apart. */
    private void submitEarlier(List<Station> earlier, List<String> bodies, List<String> tokens, int threads,
                               ExecutorService pool, String regions) throws Exception {
        System.out.printf("Earlier results first (BENCH_EARLIER=%s, outside the measured figures): %,d TPS%n", regions,
                earlier.size());
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < earlier.size()) {
                    submit(earlier.get(i).code().value(), tokens.get(i), bodies.get(i));
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("  %,d earlier results in %.1f s (%.0f/s, the service warming up); now the measured ones%n",
                earlier.size(), seconds, earlier.size() / seconds);
    }

    private boolean reportFloor(int count, double seconds, long[] latencies, long clientCpu, long serverCpu,
                                ExecutorService pool) {
        pool.shutdown();
        long[] sorted = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        System.out.printf("FLOOR (nothing stored): %,d confirmations in %.1f s: %.0f/s; p50 %.1f ms, p99 %.1f ms "
                + "(retries %d, refused %d)%n", count, seconds, count / seconds, pct(sorted, 50), pct(sorted, 99),
                retries.get(), refused.get());
        System.out.printf("  server CPU %.2f ms, client CPU %.2f ms per confirmation (load average %s)%n",
                serverCpu / (double) count, clientCpu / 1e6 / count, loadAverage());
        return refused.get() == 0 && sorted.length == count;
    }

    /** The second half of the submits: the JIT has compiled the request path by then (a steady election night). */
    private static void secondHalf(int count, long nanos, long serverCpuMs, long clientCpuNs, boolean knowServer) {
        System.out.printf("Second half of the submits (%,d, after the JIT's warm-up): %.0f/s; CPU per result: %s"
                + "client %.2f ms%n", count, count / (nanos / 1e9), knowServer ? String.format("server %.2f ms, ",
                serverCpuMs / (double) count) : "", clientCpuNs / 1e6 / count);
    }

    /** BENCH_JFR=file: a JFR profile of the server over the second half of the submits (steady state). */
    private static void jfr(String pid, String... command) {
        if (pid == null || System.getenv("BENCH_JFR") == null) {
            return;
        }
        try {
            List<String> line = new ArrayList<>(List.of("jcmd", pid));
            line.addAll(List.of(command));
            new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
        } catch (Exception e) {
            System.out.println("  jcmd " + String.join(" ", command) + " failed: " + e);
        }
    }

    private static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** A deterministic, consistent PPWP result for a TPS (the ground truth). */
    static Map<String, Integer> result(Station s) {
        long h = s.code().value().hashCode() * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        int dpt = s.dpt();
        int voted = dpt - (int) Math.floorMod(h, 40);
        int invalid = (int) Math.floorMod(h >>> 8, 7);
        int valid = voted - invalid;
        int c1 = valid * (25 + (int) Math.floorMod(h >>> 16, 20)) / 100;
        int c2 = valid * (35 + (int) Math.floorMod(h >>> 24, 20)) / 100;
        return Forms.consistent(s.dptMen(), s.dptWomen(), invalid, c1, c2, valid - c1 - c2);
    }

    private long submit(String tps, String token, String body) {
        String path = (floor ? "/api/recap/bench-floor/tps/" : "/api/recap/tps/") + tps + "/ballots/PPWP/confirm";
        String key = "bench-" + tps;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            long t0 = System.nanoTime();
            try {
                RawHttp.Answer answer = send(path, token, key, body);
                if (answer.status() == 200) {
                    return System.nanoTime() - t0;
                }
                if (answer.status() < 500) {
                    if (refused.incrementAndGet() <= 3) {
                        System.out.println("  refused " + tps + ": " + answer.body());
                    }
                    return 0;
                }
                retryCauses.merge("HTTP " + answer.status(), 1, Integer::sum);
            } catch (Exception e) {
                // connection refused or reset: the service is restarting; retry like a phone would
                retryCauses.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
            }
            retries.incrementAndGet();
            sleep(200);
        }
        throw new IllegalStateException("gave up on " + tps);
    }

    private RawHttp.Answer send(String path, String token, String key, String body) throws Exception {
        if (!jdkClient) {
            return raw.get().post(path, token, key, body);
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(submitUrl + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new RawHttp.Answer(response.statusCode(), response.body());
    }

    private long waitUntilFinal(Map<String, Long> expected, int expectedTps) {
        long giveUp = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < giveUp) {
            try {
                if (matches("ID", expected, expectedTps)) {
                    return System.nanoTime();
                }
            } catch (Exception e) {
                // service restarting
            }
            sleep(20);
        }
        System.out.println("NATIONAL TOTAL NOT EQUAL TO GROUND TRUTH after 5 minutes");
        return System.nanoTime();
    }

    private boolean matches(String region, Map<String, Long> expected, int expectedTps) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url
                + "/api/recap/public/totals?ballotType=PPWP&region=" + region)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode node = JSON.readTree(response.body());
        if (node.get("counted").get("tps").asInt() != expectedTps) {
            return false;
        }
        Map<String, Long> actual = new HashMap<>();
        for (JsonNode t : node.get("counted").get("values")) {
            actual.put(t.get("key").asString(), t.get("value").asLong());
        }
        return actual.equals(expected);
    }

    private JsonNode post(String path, String token, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private void sampleHeap() {
        while (true) {
            try {
                String metrics = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                long heap = 0;
                for (String line : metrics.split("\n")) {
                    if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                        heap += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    }
                }
                peakHeap.accumulateAndGet(heap, Math::max);
            } catch (Exception e) {
                // restarting
            }
            sleep(500);
        }
    }

    /** user + system CPU time of a process in ms (Linux /proc; 0 if unknown). */
    private static long cpuMillis(String pid) {
        if (pid == null) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // clock ticks of 10 ms
        } catch (Exception e) {
            return 0;
        }
    }

    /** CPU time of the JVM's JIT compiler threads (C1, C2) in ms (Linux /proc; 0 if unknown). */
    private static long jitMillis(String pid) {
        if (pid == null) {
            return 0;
        }
        long sum = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).startsWith("C")
                            && Files.readString(task.resolve("comm")).contains("Compiler")) {
                        String stat = Files.readString(task.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        sum += (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
                    }
                } catch (Exception e) {
                    // the thread ended meanwhile
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return sum;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    private static String peakRss(String pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM")) {
                    return line.substring(6).trim();
                }
            }
        } catch (Exception e) {
            return "unknown (process gone)";
        }
        return "unknown";
    }

    static Set<String> regionsOf(String desa) {
        return new LinkedHashSet<>(List.of(desa, desa.substring(0, 8), desa.substring(0, 5), desa.substring(0, 2),
                "ID"));
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)] / 1e6;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
