package id.pemilu.partyregistry.member;

import id.pemilu.partyregistry.PartyRegistryApplication;
import id.pemilu.partyregistry.party.Branch;
import id.pemilu.partyregistry.party.Leader;
import id.pemilu.partyregistry.party.Party;
import id.pemilu.partyregistry.party.PartyId;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Benchmark (not a test): generates a member list with planted cases, imports it with every check, verifies that
 * each planted case was found and nothing else was flagged, then measures the citizen check under steady load.
 *
 * <pre>
 * MAVEN_OPTS=-Xmx8g ./mvnw -q -pl party-registry test-compile exec:java \
 *   -Dexec.mainClass=id.pemilu.partyregistry.member.MemberImportBenchmark -Dexec.classpathScope=test \
 *   -Dexec.args="1000000"
 * </pre>
 * Arguments: rows (default 1,000,000), check requests per second (50), check duration in seconds (20), store:
 * {@code h2} (the embedded store the suite uses, in memory; default), {@code h2file} (same, on disk) or
 * {@code memory} (mongo-java-server's plain in-memory backend: shows the cost of the import logic without H2).
 */
public final class MemberImportBenchmark {

    private MemberImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        String backend = args.length > 3 ? args[3] : "h2";
        Path dir = Files.createTempDirectory("member-bench");
        long t = System.nanoTime();
        MemberListGenerator.Planted planted = new MemberListGenerator(20_261_128L)
                .generate(dir, rows, rows / 100, rows / 200, rows / 1000);
        System.out.printf("generated %,d rows (%,d MB) in %.1f s: %,d duplicated NIKs, %,d cross-party, %,d officials%n",
                rows, Files.size(planted.mainList()) >> 20, secs(t), planted.duplicates().size(),
                planted.crossParty().size(), planted.officialNiks().size());

        List<String> props = new ArrayList<>(List.of("--server.port=0",
                "--pemilu.nik-check.per-client-per-minute=100000000", "--pemilu.nik-check.per-nik-per-hour=100000000",
                "--pemilu.members.max-import-bytes=1000000000", "--logging.level.root=WARN"));
        MongoServer memoryServer = null;
        switch (backend) {
            case "memory" -> {
                memoryServer = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
                var address = memoryServer.bind();
                props.add("--spring.mongodb.uri=mongodb://127.0.0.1:" + address.getPort() + "/party_registry");
            }
            case "h2file" -> props.add("--pemilu.mongo.embedded.data-dir=" + dir.resolve("data"));
            case "h2" -> { }
            default -> throw new IllegalArgumentException("backend must be h2, h2file or memory");
        }
        System.out.println("store: " + backend);
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(PartyRegistryApplication.class)
                .run(props.toArray(String[]::new));
        try {
            run(ctx, planted, rate, seconds);
        } finally {
            ctx.close();
            if (memoryServer != null) {
                memoryServer.shutdownNow();
            }
            org.springframework.util.FileSystemUtils.deleteRecursively(dir);
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext ctx, MemberListGenerator.Planted planted, int rate,
                            int seconds) throws Exception {
        MongoTemplate mongo = ctx.getBean(MongoTemplate.class);
        for (String id : List.of("bench-a", "bench-b")) {
            mongo.insert(Party.register(new PartyId(id), "Partai " + id, id.toUpperCase(),
                    List.of(new Leader("Ketua", "Ketua Umum", "P")), List.of(new Branch("31.71", null)), null,
                    "benchmark"));
        }
        MemberService service = ctx.getBean(MemberService.class);
        MemberImporter importer = ctx.getBean(MemberImporter.class);
        service.uploadOfficials("KPU dan Bawaslu (contoh)", planted.officials(), "benchmark");
        try (InputStream in = Files.newInputStream(planted.otherList())) {
            importer.start("bench-b", "lain.csv", in, "benchmark", true);
        }

        HeapSampler heap = new HeapSampler();
        heap.start();
        System.gc();
        long before = usedHeap();
        Map<String, Long> threadCpuBefore = threadCpu();
        long cpuBefore = processCpu();
        long gcBefore = gcMillis();
        long t = System.nanoTime();
        java.time.Instant started = java.time.Instant.now();
        MemberImport done;
        try (InputStream in = Files.newInputStream(planted.mainList())) {
            done = importer.start("bench-a", "utama.csv", in, "benchmark", true).memberImport();
        }
        double importSeconds = secs(t);
        long cpuNanos = processCpu() - cpuBefore;
        long gcPauses = gcMillis() - gcBefore;
        Map<String, Long> threadCpuAfter = threadCpu();
        heap.stopSampling();
        System.out.printf("import of %,d rows: %s in %.1f s (%,.0f rows/s); imported %,d, rejected %,d, flagged %,d%n",
                done.getRowsTotal(), done.getStatus(), importSeconds, done.getRowsTotal() / importSeconds,
                done.getImported(), done.getRejected(), done.getFlagged());
        System.out.printf("heap: %,d MB before, peak %,d MB during import (max heap %,d MB)%n", before >> 20,
                heap.peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
        double storedSeconds = java.time.Duration.between(started, done.getFinishedAt()).toMillis() / 1000.0;
        System.out.printf("  of which: file checked, rows checked and stored %.1f s; requirements reports of the parties"
                + " concerned recomputed %.1f s%n", storedSeconds, importSeconds - storedSeconds);

        System.out.printf("CPU time of the import (all threads of this process, less affected by other load than the"
                + " wall-clock time): %.1f s = %.0f µs per row; load average %.2f%n", cpuNanos / 1e9,
                cpuNanos / 1e3 / done.getRowsTotal(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("  garbage collection pauses %.1f s (their CPU time is in the total, not in a thread below)%n",
                gcPauses / 1e3);
        Map<String, Long> byGroup = new java.util.TreeMap<>();
        threadCpuAfter.forEach((name, nanos) -> byGroup.merge(name.replaceAll("\\d+", "N"),
                nanos - threadCpuBefore.getOrDefault(name, 0L), Long::sum));
        byGroup.entrySet().stream().filter(e -> e.getValue() > cpuNanos / 50)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf("  %-60s %6.1f s  %4.0f µs/row%n", e.getKey(), e.getValue() / 1e9,
                        e.getValue() / 1e3 / done.getRowsTotal()));

        verify(ctx, service, planted);
        citizenCheck(ctx, service, planted, rate, seconds);
    }

    private static void verify(ConfigurableApplicationContext ctx, MemberService service,
                               MemberListGenerator.Planted planted) {
        NikHasher hasher = ctx.getBean(NikHasher.class);
        Map<Flag, Set<String>> expected = new EnumMap<>(Flag.class);
        expected.put(Flag.DUPLICATE, hashes(hasher, planted.duplicates()));
        expected.put(Flag.OTHER_PARTY, hashes(hasher, planted.crossParty()));
        expected.put(Flag.OFFICIAL, hashes(hasher, planted.officialNiks()));
        Map<Flag, Set<String>> found = new EnumMap<>(Flag.class);
        for (Flag f : Flag.values()) {
            found.put(f, new HashSet<>());
        }
        Members members = ctx.getBean(Members.class);
        Set<String> completed = ctx.getBean(MemberImports.class).completedIds();
        long t = System.nanoTime();
        long[] scanned = {0};
        members.forEachOfParty("bench-a", p -> p.membership("bench-a").ifPresent(m -> {
            scanned[0]++;
            p.flags(m, completed).forEach(f -> found.get(f).add(p.getId()));
        }));
        System.out.printf("verification scan of %,d members in %.1f s%n", scanned[0], secs(t));
        for (Flag f : Flag.values()) {
            Set<String> want = expected.getOrDefault(f, Set.of());
            long hit = want.stream().filter(found.get(f)::contains).count();
            long falseFlags = found.get(f).stream().filter(h -> !want.contains(h)).count();
            System.out.printf("  %-12s planted %,7d  found %,7d  missed %,5d  false flags %,5d%n", f, want.size(),
                    hit, want.size() - hit, falseFlags);
        }
    }

    private static Set<String> hashes(NikHasher hasher, Set<String> niks) {
        Set<String> result = new HashSet<>();
        niks.forEach(n -> result.add(hasher.hash(n)));
        return result;
    }

    private static void citizenCheck(ConfigurableApplicationContext ctx, MemberService service,
                                     MemberListGenerator.Planted planted, int rate, int seconds) throws Exception {
        String port = ctx.getEnvironment().getProperty("local.server.port");
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/members/public/nik-check");
        List<String> listed = new ArrayList<>(planted.crossParty());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        ExecutorService senders = Executors.newFixedThreadPool(64);
        var ticker = Executors.newSingleThreadScheduledExecutor();
        Random random = new Random(7);
        MemberListGenerator strangers = new MemberListGenerator(99);
        int warmUp = rate * 3;
        int total = rate * seconds + warmUp;
        AtomicLong sent = new AtomicLong();
        ticker.scheduleAtFixedRate(() -> {
            long n = sent.incrementAndGet();
            if (n > total) {
                return;
            }
            String nik = random.nextBoolean() ? listed.get(random.nextInt(listed.size())) : strangers.person().nik();
            String body = "{\"nik\":\"" + nik + "\",\"fullName\":\"Nama Yang Diketik\"}";
            senders.submit(() -> {
                long start = System.nanoTime();
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/json")
                            .header("X-Forwarded-For", "192.0.2." + random.nextInt(250))
                            .header("X-Pemilu-Gateway-Key", "dev-only-gateway-key-change-me")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
                if (n > warmUp) {
                    latencies.add(System.nanoTime() - start);
                }
            });
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        Thread.sleep(seconds * 1000L + 6000);
        ticker.shutdownNow();
        senders.shutdown();
        senders.awaitTermination(30, TimeUnit.SECONDS);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("citizen check over HTTP, %d req/s for %d s after 3 s warm-up (%,d requests, %d errors), "
                        + "response floor %s:%n",
                rate, seconds, sorted.size(), errors.get(),
                ctx.getEnvironment().getProperty("pemilu.nik-check.response-floor"));
        System.out.printf("  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms%n", pct(sorted, 50), pct(sorted, 95),
                pct(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);

        List<Long> work = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            String nik = i % 2 == 0 ? listed.get(i % listed.size()) : strangers.person().nik();
            long start = System.nanoTime();
            service.listings(service.hash(nik), "Nama Yang Diketik");
            work.add(System.nanoTime() - start);
        }
        Collections.sort(work);
        System.out.printf("  lookup work without the floor (5,000 in-process lookups): p50 %.2f ms  p99 %.2f ms%n",
                pct(work, 50), pct(work, 99));
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime()))
                .sum();
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time per live thread (name + id, so that threads of the same name are told apart). */
    private static Map<String, Long> threadCpu() {
        var threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new java.util.HashMap<>();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                if (nanos > 0) {
                    cpu.put(info.getThreadName() + "#" + info.getThreadId(), nanos);
                }
            }
        }
        return cpu;
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static final class HeapSampler extends Thread {
        volatile boolean running = true;
        volatile long peak;

        HeapSampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                peak = Math.max(peak, usedHeap());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stopSampling() {
            running = false;
        }
    }
}
