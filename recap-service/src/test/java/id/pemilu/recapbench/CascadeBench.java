package id.pemilu.recapbench;

import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;
import id.pemilu.recap.RecapServiceApplication;
import id.pemilu.recap.dhasil.DHasilReader;
import id.pemilu.recap.recap.BenchDesaTotals;
import id.pemilu.recap.recap.RegionTotal;
import id.pemilu.recap.result.FieldValue;
import id.pemilu.recap.registry.Station;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.common.ballot.BallotType;
import id.pemilu.recap.result.BenchResults;
import id.pemilu.recap.result.TpsResult;
import id.pemilu.recap.session.SessionService;
import id.pemilu.recap.testdata.Forms;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Benchmark of the rekapitulasi berjenjang (see recap-service/README.md, "Benchmark: cascade"). Starts recap-service
 * in this JVM (registry of REGION generated, embedded MongoDB in an H2 file when PEMILU_DATA_DIR is set), stores a
 * consistent PPWP result for every TPS in bulk (not timed), then times the cascade through the service layer: open
 * and finalize every kecamatan session, then every kab/kota, provinsi and the national one (each finalization
 * builds, hashes, signs and stores a D.Hasil). Checks that the national D.Hasil equals the sum of all TPS results,
 * key by key, and prints the figures and the peak heap.
 */
public final class CascadeBench {

    private CascadeBench() {
    }

    public static void main(String[] args) throws Exception {
        String region = args.length > 0 ? args[0] : "ID";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        SpringApplication app = new SpringApplication(RecapServiceApplication.class, BenchServer.BenchJwt.class);
        long t0 = System.nanoTime();
        ConfigurableApplicationContext ctx = app.run("--server.port=0", "--pemilu.recap.seed-region=" + region,
                "--pemilu.recap.totals-events=false", "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
        TpsRegistry registry = ctx.getBean(TpsRegistry.class);
        MongoTemplate mongo = ctx.getBean(MongoTemplate.class);
        SessionService sessions = ctx.getBean(SessionService.class);
        DHasilReader reader = ctx.getBean(DHasilReader.class);
        System.out.printf("recap-service up in %.1f s, registry %,d TPS%n", secs(t0), registry.size());

        long t1 = System.nanoTime();
        // Results: as KPPS confirmations leave them (tps_results documents) and as the recap applier leaves the desa
        // totals (per TPS: version, status, numbers), which is what a kecamatan session reads. Above 100,000 TPS only
        // the desa totals are stored (823,228 result documents would take an hour to store on this machine).
        boolean resultDocuments = registry.size() <= Integer.getInteger("bench.resultDocumentsMax", 100_000);
        Map<String, Long> truth = new LinkedHashMap<>();
        List<TpsResult> batch = new ArrayList<>(2_000);
        List<RegionTotal> desaBatch = new ArrayList<>(500);
        int seeded = 0;
        for (String desa : registry.desaUnder(TpsRegistry.NATIONAL)) {
            List<String> codes = new ArrayList<>();
            List<List<FieldValue>> values = new ArrayList<>();
            for (Station s : registry.stationsOf(desa)) {
                int n = s.code().number();
                int h = desa.hashCode() ^ n * 31;
                int voters = s.dpt() - 20 - Math.floorMod(h, 30);
                int invalid = 1 + Math.floorMod(h >>> 5, 4);
                int valid = voters - invalid;
                int a = valid * (30 + Math.floorMod(h >>> 9, 15)) / 100;
                int b = valid * (25 + Math.floorMod(h >>> 13, 15)) / 100;
                Map<String, Integer> form = Forms.consistent(s.dptMen(), s.dptWomen(), invalid, a, b, valid - a - b);
                form.forEach((k, v) -> truth.merge(k, (long) v, Long::sum));
                codes.add(s.code().value());
                values.add(form.entrySet().stream().map(e -> new FieldValue(e.getKey(), e.getValue())).toList());
                seeded++;
                if (resultDocuments) {
                    batch.add(BenchResults.submitted(s.code(), BallotType.PPWP, form));
                    if (batch.size() == 2_000) {
                        mongo.insertAll(batch);
                        batch.clear();
                    }
                }
            }
            desaBatch.add(BenchDesaTotals.desa(BallotType.PPWP.name(), desa, codes, values));
            if (desaBatch.size() == 500) {
                mongo.insertAll(desaBatch);
                desaBatch.clear();
            }
        }
        mongo.insertAll(batch);
        mongo.insertAll(desaBatch);
        System.out.printf("stored %,d TPS results (%s) in %.1f s (not timed)%n", seeded, resultDocuments
                ? "result documents + desa totals" : "desa totals only", secs(t1));

        List<String> provinces = new ArrayList<>(registry.childrenOf(TpsRegistry.NATIONAL));
        List<String> kabkota = new ArrayList<>();
        provinces.forEach(p -> kabkota.addAll(registry.childrenOf(p)));
        List<String> kecamatan = new ArrayList<>();
        kabkota.forEach(k -> kecamatan.addAll(registry.childrenOf(k)));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<Long, Long> threadCpuStart = threadCpu();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        tier(pool, sessions, kecamatan, Roles.PPK, "kecamatan");
        tier(pool, sessions, kabkota, Roles.KPU_KABKOTA, "kab/kota");
        tier(pool, sessions, provinces, Roles.KPU_PROVINSI, "provinsi");
        tier(pool, sessions, List.of(TpsRegistry.NATIONAL), Roles.KPU_RI, "nasional");
        double cascade = secs(start);
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        Map<Long, Long> threadCpuEnd = threadCpu();
        double javaThreads = threadCpuEnd.entrySet().stream()
                .mapToLong(e -> e.getValue() - threadCpuStart.getOrDefault(e.getKey(), 0L)).sum() / 1e9;
        pool.shutdown();
        System.out.printf("CASCADE: %,d + %,d + %,d + 1 D.Hasil in %.1f s (target <= 60 s); process CPU %.1f s "
                + "= %.2f ms per TPS; load average %.1f%n", kecamatan.size(), kabkota.size(), provinces.size(),
                cascade, cpu, cpu * 1000 / seeded, os.getSystemLoadAverage());
        // the JIT compiles most of the code path during a small run (and GC runs): a national run pays the JIT once
        System.out.printf("  Java threads (service, store, relay; not JIT compiler or GC) %.1f s CPU = %.2f ms per TPS, "
                + "%.1f ms per session%n", javaThreads, javaThreads * 1000 / seeded,
                javaThreads * 1000 / (kecamatan.size() + kabkota.size() + provinces.size() + 1));

        Map<String, Long> national = reader.latest(BallotType.PPWP, TpsRegistry.NATIONAL).orElseThrow().totals();
        List<String> wrong = new ArrayList<>();
        truth.forEach((k, v) -> {
            if (!v.equals(national.get(k))) {
                wrong.add(k + " D.Hasil=" + national.get(k) + " truth=" + v);
            }
        });
        if (national.size() != truth.size()) {
            wrong.add("keys " + national.keySet() + " vs " + truth.keySet());
        }
        System.out.printf("national D.Hasil vs sum of %,d TPS results: %s (votes.valid = %,d)%n", seeded,
                wrong.isEmpty() ? "ALL " + truth.size() + " KEYS EQUAL" : "DIFFERENT " + wrong,
                national.get("votes.valid"));
        long peak = 0;
        for (MemoryPoolMXBean pool2 : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool2.getType() == MemoryType.HEAP) {
                peak += pool2.getPeakUsage().getUsed();
            }
        }
        System.out.printf("peak heap %,d MB (max %,d MB)%n", peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
        ctx.close();
        System.exit(wrong.isEmpty() ? 0 : 1);
    }

    private static void tier(ExecutorService pool, SessionService sessions, List<String> regions, String role,
                             String label) throws Exception {
        long t = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (String region : regions) {
            Caller officer = new Caller(role + "-" + region, Set.of(role), null,
                    TpsRegistry.NATIONAL.equals(region) ? null : region, null);
            done.add(pool.submit(() -> {
                sessions.open(officer, BallotType.PPWP, region);
                sessions.finalizeSession(officer, BallotType.PPWP, region);
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        System.out.printf("  %-9s %,6d sessions opened + finalized in %6.1f s%n", label, regions.size(), secs(t));
    }

    /** CPU time of every live Java thread (compiler and GC threads are not among them). */
    private static Map<Long, Long> threadCpu() {
        var threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> out = new java.util.HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long t = threads.getThreadCpuTime(id);
            if (t > 0) {
                out.put(id, t);
            }
        }
        return out;
    }

    private static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
