package id.pemilu.deskbench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import id.pemilu.common.wilayah.Region;
import id.pemilu.common.wilayah.RegionLevel;
import id.pemilu.common.wilayah.Wilayah;
import id.pemilu.desk.DeskPilkadaApplication;
import id.pemilu.desk.FakeRecap;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark of Desk Pilkada on election evening (desk-pilkada/bench/run.sh): a registry of every desa of a region
 * with some TPS each (stand-in recap-service), the real desk application on an embedded store in a file, one reporter
 * per desa sending every TPS's quick report over HTTP with a token (a few retries with the same key, a few double
 * reports by another reporter, a few failing checks sent with a reason), while the province desk reloads its progress
 * every second. Prints throughput and latencies, the progress and export times per tier, checks every tier's totals
 * against the numbers sent, then restarts the desk on the same data and checks again.
 *
 * <p>Tokens are HS256 with a THROWAWAY DEV-ONLY secret that only this benchmark's desk accepts (test classpath only).
 */
public final class DeskBench {

    static final String DEV_ONLY_SECRET = "dev-only-desk-bench-secret-not-for-production-0123456789";
    static final String CONTEST = "PILKADA_GUBERNUR";
    static final int PAIRS = 3;
    static final JsonMapper JSON = JsonMapper.builder().build();

    private DeskBench() {
    }

    record Sent(int[] numbers, boolean flagged) {
    }

    public static void main(String[] args) throws Exception {
        String region = args.length > 0 ? args[0] : "31";
        int tpsPerDesa = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int port = Integer.getInteger("bench.port", 18086);
        String base = "http://127.0.0.1:" + port;

        List<Region> desa = Wilayah.indonesia().all(RegionLevel.DESA).stream()
                .filter(d -> d.code().startsWith(region + ".") || d.code().equals(region)).toList();
        FakeRecap recap = new FakeRecap();
        Random random = new Random(23);
        List<String> tps = new ArrayList<>();
        Map<String, Integer> dpt = new HashMap<>();
        for (Region d : desa) {
            for (int n = 1; n <= tpsPerDesa; n++) {
                String code = d.code() + "." + String.format("%03d", n);
                int voters = 200 + random.nextInt(100);
                recap.tps(code, voters);
                tps.add(code);
                dpt.put(code, voters);
            }
        }
        System.out.printf("registry: %,d desa × %d = %,d TPS in %s; %d client threads, one reporter per desa%n",
                desa.size(), tpsPerDesa, tps.size(), region, threads);

        Path data = Files.createTempDirectory("desk-bench-");
        long t0 = System.nanoTime();
        ConfigurableApplicationContext app = start(port, data, recap.url(), region);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        waitReady(http, base);
        System.out.printf("desk ready (TPS list read from recap-service: %,d GETs) after %.1f s%n",
                recap.calls.size(), (System.nanoTime() - t0) / 1e9);

        String deskToken = token("bench.desk", "desk-pilkada", region.length() == 2 ? region : region.substring(0, 2));
        Map<String, String> reporterTokens = new HashMap<>();
        for (Region d : desa) {
            reporterTokens.put(d.code(), token("bench.pelapor." + d.code(), "desk-pelapor", d.code()));
        }

        // the reports: numbers that add up, 2 % failing a check (sent with a reason: flagged, out of the totals)
        Map<String, Sent> truth = new ConcurrentHashMap<>();
        List<String> order = new ArrayList<>(tps);
        Collections.shuffle(order, random);
        for (String code : order) {
            int[] pairs = new int[PAIRS];
            int ballots = dpt.get(code) * 80 / 100;
            int invalid = random.nextInt(8);
            int valid = ballots - invalid;
            int left = valid;
            for (int p = 0; p < PAIRS - 1; p++) {
                pairs[p] = random.nextInt(left + 1);
                left -= pairs[p];
            }
            pairs[PAIRS - 1] = left;
            boolean flagged = random.nextInt(100) < 2;
            int[] numbers = {pairs[0], pairs[1], pairs[2], valid + (flagged ? 10 : 0), invalid,
                    valid + invalid + (flagged ? 10 : 0)};
            truth.put(code, new Sent(numbers, flagged));
        }

        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger replays = new AtomicInteger();
        AtomicInteger refusedDouble = new AtomicInteger();
        AtomicInteger wrong = new AtomicInteger();
        ConcurrentLinkedQueue<String> wrongSamples = new ConcurrentLinkedQueue<>();
        AtomicBoolean streaming = new AtomicBoolean(true);
        List<Long> watch = Collections.synchronizedList(new ArrayList<>());
        String watchRegion = region.length() == 2 ? region : region.substring(0, 2);
        Thread watcher = new Thread(() -> {
            while (streaming.get()) {
                try {
                    long s = System.nanoTime();
                    get(http, base + "/api/desk/progress?region=" + watchRegion + "&contest=" + CONTEST, deskToken);
                    watch.add(System.nanoTime() - s);
                    Thread.sleep(1000);
                } catch (Exception e) {
                    return;
                }
            }
        });
        watcher.setDaemon(true);
        watcher.start();

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        for (int i = 0; i < order.size(); i++) {
            String code = order.get(i);
            int n = i;
            pool.submit(() -> {
                try {
                    String desaCode = code.substring(0, 13);
                    Sent sent = truth.get(code);
                    String body = body(sent);
                    String key = "bench-" + code;
                    long s = System.nanoTime();
                    HttpResponse<String> r = post(http, base + "/api/desk/reports/" + code + "/" + CONTEST,
                            reporterTokens.get(desaCode), key, body);
                    latencies.add(System.nanoTime() - s);
                    if (r.statusCode() == 201) {
                        created.incrementAndGet();
                    } else {
                        wrong.incrementAndGet();
                        wrongSamples.add(code + " " + r.statusCode() + " " + r.body());
                    }
                    if (n % 20 == 0) { // bad signal: the phone sends again with the same key
                        HttpResponse<String> again = post(http, base + "/api/desk/reports/" + code + "/" + CONTEST,
                                reporterTokens.get(desaCode), key, body);
                        if (again.statusCode() == 200 && again.body().contains("\"replay\":true")) {
                            replays.incrementAndGet();
                        } else {
                            wrong.incrementAndGet();
                            wrongSamples.add("replay " + code + " " + again.statusCode());
                        }
                    }
                    if (n % 50 == 7) { // a second reporter of the same desa reports the TPS again
                        HttpResponse<String> twice = post(http, base + "/api/desk/reports/" + code + "/" + CONTEST,
                                token("bench.kedua." + desaCode, "desk-pelapor", desaCode), "bench-2-" + code, body);
                        if (twice.statusCode() == 409 && twice.body().contains("bench.pelapor." + desaCode)) {
                            refusedDouble.incrementAndGet();
                        } else {
                            wrong.incrementAndGet();
                            wrongSamples.add("double " + code + " " + twice.statusCode());
                        }
                    }
                } catch (Exception e) {
                    wrong.incrementAndGet();
                    wrongSamples.add(code + " " + e);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - start) / 1e9;
        streaming.set(false);
        watcher.join(5000);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("reports: %,d first reports in %.1f s = %.0f reports/s; latency p50 %.0f ms, p95 %.0f ms, "
                        + "p99 %.0f ms, max %.0f ms%n", created.get(), seconds, created.get() / seconds,
                ms(sorted, 50), ms(sorted, 95), ms(sorted, 99), ms(sorted, 100));
        System.out.printf("retries with the same key answered as replays: %d; double reports refused (409 naming the "
                + "first reporter): %d; unexpected answers: %d%n", replays.get(), refusedDouble.get(), wrong.get());
        wrongSamples.stream().limit(5).forEach(w -> System.out.println("  unexpected: " + w));
        List<Long> watchSorted = new ArrayList<>(watch);
        Collections.sort(watchSorted);
        System.out.printf("province progress reloaded every second during the stream: %d reads, p50 %.0f ms, "
                + "max %.0f ms%n", watchSorted.size(), ms(watchSorted, 50), ms(watchSorted, 100));

        tiers(http, base, deskToken, region, desa);
        int differences = verify(http, base, deskToken, region, desa, truth);
        System.out.printf("totals checked against the numbers sent: %d differences%n", differences);

        // restart on the same data: the progress index is rebuilt from the store
        app.close();
        long r0 = System.nanoTime();
        app = start(port, data, recap.url(), region);
        waitReady(http, base);
        System.out.printf("restart on the same data: ready after %.1f s%n", (System.nanoTime() - r0) / 1e9);
        int after = verify(http, base, deskToken, region, desa, truth);
        System.out.printf("after restart: %d differences%n", after);
        app.close();
        recap.close();
        System.exit(differences == 0 && after == 0 && wrong.get() == 0 ? 0 : 1);
    }

    static ConfigurableApplicationContext start(int port, Path data, String recapUrl, String region) {
        SpringApplication app = new SpringApplication(DeskPilkadaApplication.class, BenchJwt.class);
        // command-line arguments: above application.yml's ${ENV:default} values
        return app.run("--server.port=" + port, "--pemilu.mongo.embedded.data-dir=" + data,
                "--pemilu.desk.recap-service-url=" + recapUrl,
                "--pemilu.desk.region=" + (region.length() >= 2 ? region.substring(0, 2) : region),
                "--pemilu.desk.registry-retry=1s", "--logging.level.root=WARN",
                "--logging.level.id.pemilu=WARN");
    }

    static void waitReady(HttpClient http, String base) throws Exception {
        for (int i = 0; i < 3600; i++) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base
                        + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("desk not ready");
    }

    /** Progress and export of one region per tier: median of 5 reads. */
    static void tiers(HttpClient http, String base, String token, String region, List<Region> desa) throws Exception {
        String d = desa.get(0).code();
        List<String> regions = new ArrayList<>(List.of(d, d.substring(0, 8), d.substring(0, 5), d.substring(0, 2)));
        System.out.println("tier        region          progress p50   CSV        PDF");
        for (String r : regions) {
            long[] p = new long[5];
            for (int i = 0; i < 5; i++) {
                long s = System.nanoTime();
                get(http, base + "/api/desk/progress?region=" + r + "&contest=" + CONTEST, token);
                p[i] = System.nanoTime() - s;
            }
            java.util.Arrays.sort(p);
            long s = System.nanoTime();
            HttpResponse<String> csv = get(http, base + "/api/desk/export?format=csv&region=" + r + "&contest="
                    + CONTEST, token);
            long csvNs = System.nanoTime() - s;
            s = System.nanoTime();
            HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(base + "/api/desk/export?format=pdf"
                    + "&region=" + r + "&contest=" + CONTEST)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            long pdfNs = System.nanoTime() - s;
            System.out.printf("%-11s %-15s %6.0f ms   %5.0f ms   %5.0f ms (%,d bytes)%n",
                    switch (r.length()) { case 2 -> "provinsi"; case 5 -> "kab/kota"; case 8 -> "kecamatan";
                        default -> "desa"; }, r, p[2] / 1e6, csvNs / 1e6, pdfNs / 1e6, pdf.body().length);
            if (csv.statusCode() != 200 || pdf.statusCode() != 200) {
                throw new IllegalStateException("export of " + r + " failed");
            }
        }
    }

    /** Every kab/kota and the province: counted, flagged and each pair's total equal to the numbers sent. */
    static int verify(HttpClient http, String base, String token, String region, List<Region> desa,
                      Map<String, Sent> truth) throws Exception {
        String province = desa.get(0).code().substring(0, 2);
        int differences = 0;
        List<String> regions = new ArrayList<>();
        regions.add(province);
        desa.stream().map(x -> x.code().substring(0, 5)).distinct().forEach(regions::add);
        for (String r : regions) {
            JsonNode tally = JSON.readTree(get(http, base + "/api/desk/progress?region=" + r + "&contest=" + CONTEST
                    + "&limit=0", token).body()).path("tally");
            long counted = 0;
            long flagged = 0;
            long[] sums = new long[PAIRS + 3];
            for (Map.Entry<String, Sent> e : truth.entrySet()) {
                if (!e.getKey().startsWith(r + ".")) {
                    continue;
                }
                if (e.getValue().flagged()) {
                    flagged++;
                    continue;
                }
                counted++;
                for (int i = 0; i < sums.length; i++) {
                    sums[i] += e.getValue().numbers()[i];
                }
            }
            if (tally.path("counted").asLong() != counted || tally.path("flagged").asLong() != flagged) {
                differences++;
            }
            for (JsonNode t : tally.path("totals")) {
                String key = t.path("key").asString();
                int i = key.startsWith("votes.candidate.") ? Integer.parseInt(key.substring(16)) - 1
                        : key.equals("votes.valid") ? PAIRS : key.equals("votes.invalid") ? PAIRS + 1 : PAIRS + 2;
                if (t.path("value").asLong() != sums[i]) {
                    differences++;
                }
            }
        }
        return differences;
    }

    static String body(Sent sent) {
        int[] n = sent.numbers();
        return "{\"candidates\":[" + n[0] + "," + n[1] + "," + n[2] + "],\"valid\":" + n[3] + ",\"invalid\":" + n[4]
                + ",\"total\":" + n[5] + (sent.flagged() ? ",\"reason\":\"angka di formulir memang begitu\"" : "")
                + "}";
    }

    static double ms(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, i)) / 1e6;
    }

    static HttpResponse<String> post(HttpClient http, String url, String token, String key, String body)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(HttpClient http, String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String token(String username, String role, String region) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(username).issuer("desk-bench")
                    .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(7200)))
                    .claim("preferred_username", username).claim("realm_access", Map.of("roles", List.of(role)))
                    .claim("region_code", region).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(DEV_ONLY_SECRET.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The desk accepting the benchmark's dev-only HS256 tokens instead of Keycloak's. */
    @Configuration
    static class BenchJwt {

        @Bean
        JwtDecoder benchJwtDecoder() {
            return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(DEV_ONLY_SECRET.getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256")).macAlgorithm(MacAlgorithm.HS256).build();
        }
    }
}
