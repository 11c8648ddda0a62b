package id.pemilu.gateway;

import static id.pemilu.gateway.SuiteEndToEndTest.GATEWAY;
import static id.pemilu.gateway.SuiteEndToEndTest.HTTP;
import static id.pemilu.gateway.SuiteEndToEndTest.JSON;
import static id.pemilu.gateway.SuiteEndToEndTest.KEYCLOAK;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import id.pemilu.common.test.LocalRabbitMq;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The fault suite ({@code ./suite chaos}: a suite started on an empty data directory). It stops and starts the
 * RabbitMQ broker, so run it only where nothing else uses that broker (CI; here under {@code flock
 * /tmp/pemilu-suite.lock}).
 * <ol>
 *   <li>Messages: while candidate-service is frozen (SIGSTOP: a consumer that stops taking messages), parties are
 *   registered in Sipol; after it thaws, every PartyRegistered is applied once. Then each of those events is published
 *   again twice, in reverse order: every copy is recognised as a duplicate, none applied again.</li>
 *   <li>Results: KPPS officers (temporary realm users, one per TPS of kecamatan Gambir, {@code CHAOS_TPS}) send
 *   {@code CHAOS_ROUNDS} rounds of C.Hasil confirmations through the gateway ({@code CHAOS_THREADS} at once), each round replacing the previous numbers, while the broker
 *   restarts twice, recap-service and ocr-c1-reader are killed with {@code kill -9} and restarted, and recap-service's
 *   store file stops taking writes for {@code CHAOS_DISK_SECONDS} (15; made immutable, as a read-only or full volume
 *   would: recap-service answers 503 with Retry-After meanwhile and stays up). Clients retry
 *   with the same Idempotency-Key until acknowledged. At the end every TPS holds its last acknowledged numbers and
 *   every tier (kecamatan, kab/kota, provinsi, nasional) equals the sum of those numbers — before and after a full
 *   rebuild from the TPS results.</li>
 * </ol>
 * Prints the figures: submissions, acknowledged, retries, downtime seen by clients, recovery time after each fault.
 */
@Tag("chaos")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteEndToEndTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path PIDS = Path.of(System.getenv().getOrDefault("SUITE_DIR", ROOT.resolve(".suite").toString()))
            .resolve("pids");
    static final String CANDIDATE_SERVICE = SuiteEndToEndTest.CANDIDATE_SERVICE;
    static final int TPS_COUNT = Integer.parseInt(System.getenv().getOrDefault("CHAOS_TPS", "24"));
    static final int ROUNDS = Integer.parseInt(System.getenv().getOrDefault("CHAOS_ROUNDS", "5"));
    /** Client connections sending confirmations at once. */
    /**
     * Where the officers' TPS are taken from (its TPS without a result, the last CHAOS_TPS of them). Beyond kecamatan
     * Gambir the suite's registry must cover it: {@code RECAP_SEED_REGION=31 ./suite chaos} (DKI Jakarta, ~2,600 TPS).
     */
    static final String REGION = System.getenv().getOrDefault("CHAOS_REGION", "31.71.01");
    static final int THREADS = Integer.parseInt(System.getenv().getOrDefault("CHAOS_THREADS", "4"));
    static final int PARTIES = Integer.parseInt(System.getenv().getOrDefault("CHAOS_PARTIES", "12"));
    static final String RUN = Long.toString(System.currentTimeMillis() % 10_000_000, 36);
    static final List<String> TEMPORARY_USERS = Collections.synchronizedList(new ArrayList<>());
    static final Map<String, Object> FIGURES = Collections.synchronizedMap(new LinkedHashMap<>());
    static final int DISK_SECONDS = Integer.parseInt(System.getenv().getOrDefault("CHAOS_DISK_SECONDS", "15"));
    /** Where ./suite chaos keeps the stores ({@code PEMILU_DATA_DIR}, exported by the script). */
    static final Path DATA = Path.of(System.getenv().getOrDefault("PEMILU_DATA_DIR",
            PIDS.resolveSibling("data").toString()));
    /** Confirmations answered 503 "Penyimpanan tidak tersedia" (the disk fault). */
    static final AtomicInteger DISK_REFUSALS = new AtomicInteger();
    /** Confirmation attempts sent while the store could not write (refused with 503, or held until it could). */
    static final AtomicInteger DURING_DISK_FAULT = new AtomicInteger();
    /** The longest such attempt took (ms): a write on its way waits for the disk instead of failing. */
    static final AtomicLong LONGEST_DURING_DISK_FAULT_MS = new AtomicLong();
    static volatile boolean diskLocked;

    @Test
    @Order(1)
    void aFrozenConsumerAndDuplicateOrReorderedEventsApplyEachPartyOnce() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setVirtualHost(System.getenv().getOrDefault("RABBITMQ_VHOST", "/"));
        String capture = "fault-suite.capture." + RUN;
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            channel.queueDeclare(capture, false, true, true, null);
            channel.queueBind(capture, "pemilu.events", "PartyRegistered");
            String kpuRi = SuiteEndToEndTest.token(KEYCLOAK, "kpu.ri");
            double processedBefore = counter("pemilu_inbox_processed_total");
            double duplicatesBefore = counter("pemilu_inbox_duplicates_total");

            long candidatePid = pid("candidate-service");
            signal("STOP", candidatePid);
            long frozenAt = System.nanoTime();
            List<String> ids = new ArrayList<>();
            try {
                for (int i = 0; i < PARTIES; i++) {
                    String id = "c" + RUN + "-" + i;
                    String body = "{\"id\":\"" + id + "\",\"name\":\"Partai Uji Gangguan " + RUN + " " + i
                            + "\",\"abbreviation\":\"G" + i + "\",\"leadership\":[{\"name\":\"Ketua Uji\",\"role\":"
                            + "\"KETUA\",\"gender\":\"F\"}]}";
                    assertThat(SuiteEndToEndTest.call("POST", "/api/parties", kpuRi, body).statusCode()).isEqualTo(201);
                    ids.add(id);
                }
                Thread.sleep(Math.max(0, 8_000 - (System.nanoTime() - frozenAt) / 1_000_000));
            } finally {
                signal("CONT", candidatePid);
            }
            FIGURES.put("consumer frozen (s)", (System.nanoTime() - frozenAt) / 1_000_000_000);
            waitForParties(ids, kpuRi);
            assertThat(counter("pemilu_inbox_processed_total") - processedBefore)
                    .as("each PartyRegistered applied exactly once after the consumer thawed").isEqualTo(PARTIES);

            List<GetResponse> events = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (events.size() < PARTIES && System.currentTimeMillis() < deadline) {
                GetResponse message = channel.basicGet(capture, true);
                if (message == null) {
                    Thread.sleep(200);
                } else {
                    events.add(message);
                }
            }
            assertThat(events).as("copies of the published PartyRegistered events").hasSize(PARTIES);
            Collections.reverse(events);
            for (int copy = 0; copy < 2; copy++) {
                for (GetResponse event : events) {
                    AMQP.BasicProperties props = event.getProps();
                    channel.basicPublish("pemilu.events", "PartyRegistered", props, event.getBody());
                }
            }
            double duplicatesExpected = duplicatesBefore + 2.0 * PARTIES;
            deadline = System.currentTimeMillis() + 60_000;
            while (counter("pemilu_inbox_duplicates_total") < duplicatesExpected
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(500);
            }
            assertThat(counter("pemilu_inbox_duplicates_total")).as("every replayed copy seen as a duplicate")
                    .isEqualTo(duplicatesExpected);
            assertThat(counter("pemilu_inbox_processed_total") - processedBefore).as("none applied again")
                    .isEqualTo(PARTIES);
            JsonNode parties = JSON.readTree(SuiteEndToEndTest.call("GET", "/api/candidates/parties", kpuRi, null)
                    .body());
            List<String> listed = new ArrayList<>();
            parties.forEach(p -> {
                if (ids.contains(p.path("partyId").asString())) {
                    listed.add(p.path("partyId").asString());
                }
            });
            assertThat(listed).as("each party listed once in Silon").hasSize(PARTIES).doesNotHaveDuplicates();
            FIGURES.put("parties registered", PARTIES);
            FIGURES.put("events replayed (2 copies, reverse order)", 2 * PARTIES);
        }
    }

    /** One officer's stream: its TPS, its DPT and the numbers the service last acknowledged. */
    record Officer(String username, String tps, int dptMen, int dptWomen) {
    }

    @Test
    @Order(2)
    void resultsSurviveBrokerRestartsAndKilledServicesAndEveryTierEqualsTheGroundTruth() throws Exception {
        String admin = TokenAttacksEndToEndTest.adminToken();
        JsonNode progress = JSON.readTree(SuiteEndToEndTest.call("GET",
                "/api/recap/public/progress?region=" + REGION + "&limit=10000", null, null).body());
        List<String> free = new ArrayList<>();
        progress.path("notReportedTps").forEach(t -> free.add(t.asString()));
        assertThat(free).as("TPS of " + REGION + " without a result (the fault suite needs an empty data dir)")
                .hasSizeGreaterThanOrEqualTo(TPS_COUNT);
        // officers created and signed in CHAOS_THREADS at a time (thousands of them for a long run)
        List<Officer> officers = Collections.synchronizedList(new ArrayList<>());
        Tokens tokens = new Tokens();
        AdminToken adminToken = new AdminToken(admin);
        ExecutorService setup = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> created = new ArrayList<>();
            for (String tps : free.subList(free.size() - TPS_COUNT, free.size())) {
                created.add(setup.submit(() -> {
                    String username = "gangguan." + RUN + "." + tps.replace(".", "-");
                    createKpps(adminToken.get(), username, tps);
                    JsonNode station = JSON.readTree(SuiteEndToEndTest.call("GET", "/api/recap/public/tps/" + tps,
                            null, null).body());
                    tokens.get(username);
                    officers.add(new Officer(username, tps, station.path("dptMen").asInt(),
                            station.path("dptWomen").asInt()));
                    return null;
                }));
            }
            for (Future<?> f : created) {
                f.get();
            }
        } finally {
            setup.shutdown();
        }
        officers.sort(java.util.Comparator.comparing(Officer::tps));

        // the faults come every half round of acknowledged submissions, and the stream goes on (more rounds) until
        // the last fault is over: each fault meets submissions in flight
        // on a long stream (CHAOS_ROUNDS large) the five faults are spread over it: one every sixth of the submissions
        int step = Math.max(Math.max(1, TPS_COUNT / 2), TPS_COUNT * ROUNDS / 6);
        AtomicInteger submitted = new AtomicInteger();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        AtomicLong longestWaitMs = new AtomicLong();
        AtomicInteger sawFailure = new AtomicInteger();
        Map<String, Map<String, Integer>> lastAcknowledged = new ConcurrentHashMap<>();
        List<String> faults = Collections.synchronizedList(new ArrayList<>());
        Thread chaos = new Thread(() -> {
            try {
                awaitProgress(acknowledged, step);
                faults.add(brokerRestart(1));
                awaitProgress(acknowledged, acknowledged.get() + step);
                faults.add(kill9("recap-service"));
                awaitProgress(acknowledged, acknowledged.get() + step);
                faults.add(brokerRestart(2));
                awaitProgress(acknowledged, acknowledged.get() + step);
                faults.add(kill9("ocr-c1-reader"));
                awaitProgress(acknowledged, acknowledged.get() + step);
                faults.add(storeUnwritable("recap-service"));
            } catch (Exception e) {
                faults.add("fault thread failed: " + e);
            }
        });
        chaos.start();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        int rounds = 0;
        try {
            for (int round = 0; round < ROUNDS || chaos.isAlive(); round++) {
                rounds = round + 1;
                List<Future<?>> sends = new ArrayList<>();
                for (Officer officer : officers) {
                    int r = round;
                    submitted.incrementAndGet();
                    sends.add(pool.submit(() -> {
                        Map<String, Integer> form = form(officer, r);
                        long waited = confirm(officer, form, "gangguan-" + RUN + "-" + officer.tps() + "-" + r, tokens,
                                retries);
                        if (waited > 0) {
                            sawFailure.incrementAndGet();
                            longestWaitMs.accumulateAndGet(waited, Math::max);
                        }
                        lastAcknowledged.put(officer.tps(), form);
                        acknowledged.incrementAndGet();
                        return null;
                    }));
                }
                for (Future<?> send : sends) {
                    send.get();
                }
            }
        } finally {
            pool.shutdown();
            chaos.join(300_000);
        }
        int total = submitted.get();
        long streamSeconds = (System.nanoTime() - started) / 1_000_000_000;
        FIGURES.put("faults", faults);
        assertThat(faults).as("faults injected").hasSize(5).noneMatch(f -> f.startsWith("fault thread failed"));
        assertThat(DURING_DISK_FAULT.get()).as("the unwritable store met submissions (refused with 503 and retried, or "
                + "held until the disk took writes again)").isPositive();
        assertThat(acknowledged.get()).as("every submission acknowledged in the end").isEqualTo(total);
        assertThat(sawFailure.get()).as("the kill -9 of recap-service met submissions in flight (they were retried)")
                .isPositive();

        for (Officer officer : officers) {
            HttpResponse<String> result = SuiteEndToEndTest.call("GET", "/api/recap/tps/" + officer.tps()
                    + "/ballots/PPWP", tokens.get(officer.username()), null);
            assertThat(result.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(result.body());
            Map<String, Integer> expected = new TreeMap<>(lastAcknowledged.get(officer.tps()));
            expected.values().removeIf(v -> v == 0);
            assertThat(values(body.path("values"))).as("TPS " + officer.tps() + " holds its last acknowledged numbers")
                    .isEqualTo(expected);
            assertThat(body.path("status").asString()).isNotEqualTo("flagged");
        }
        // every kecamatan, kab/kota and province of the officers' TPS, and the nation: each equals the sum of the last
        // acknowledged numbers of the officers' TPS in it (the suite holds no other results: empty data dir)
        Map<String, Map<String, Integer>> truths = new TreeMap<>();
        lastAcknowledged.forEach((tps, form) -> {
            for (String region : List.of(tps.substring(0, 8), tps.substring(0, 5), tps.substring(0, 2), "ID")) {
                form.forEach((k, v) -> truths.computeIfAbsent(region, r -> new TreeMap<>()).merge(k, v, Integer::sum));
            }
        });
        truths.values().forEach(t -> t.values().removeIf(v -> v == 0));
        List<String> tiers = new ArrayList<>(truths.keySet());
        long settleStart = System.nanoTime();
        for (String region : tiers) {
            assertTierEquals(region, truths.get(region), Duration.ofSeconds(180));
        }
        long settleMs = (System.nanoTime() - settleStart) / 1_000_000;
        HttpResponse<String> rebuild = SuiteEndToEndTest.call("POST", "/api/recap/admin/rebuild",
                SuiteEndToEndTest.token(KEYCLOAK, "kpu.ri"), "{}");
        assertThat(rebuild.statusCode()).as("rebuild " + rebuild.body()).isEqualTo(200);
        for (String region : tiers) {
            assertTierEquals(region, truths.get(region), Duration.ofSeconds(120));
        }
        FIGURES.put("TPS (officers)", TPS_COUNT);
        FIGURES.put("submissions", total + " (" + rounds + " rounds)");
        FIGURES.put("acknowledged", acknowledged.get());
        FIGURES.put("retries", retries.get());
        FIGURES.put("submissions that saw a failure", sawFailure.get());
        FIGURES.put("longest wait of one submission (ms)", longestWaitMs.get());
        FIGURES.put("stream (s)", streamSeconds);
        FIGURES.put("faults", faults);
        FIGURES.put("confirmations refused 503 while recap-service's store could not write", DISK_REFUSALS.get());
        FIGURES.put("confirmation attempts during the disk fault", DURING_DISK_FAULT.get());
        FIGURES.put("tiers equal to ground truth", (tiers.size() <= 6 ? tiers.toString() : tiers.size()
                + " regions (every kecamatan, kab/kota and province of the officers' TPS, and ID)")
                + " (also after rebuild; settled in " + settleMs + " ms)");
    }

    @AfterAll
    static void cleanUpAndPrint() throws Exception {
        if (!TEMPORARY_USERS.isEmpty()) {
            String admin = TokenAttacksEndToEndTest.adminToken();
            for (String id : TEMPORARY_USERS) {
                HTTP.send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/admin/realms/pemilu/users/" + id))
                        .header("Authorization", "Bearer " + admin).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        }
        StringBuilder out = new StringBuilder("Fault suite figures:\n");
        FIGURES.forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
        System.out.print(out);
    }

    /** A valid C.Hasil PPWP form for the officer's TPS; the votes differ from round to round. */
    static Map<String, Integer> form(Officer o, int r) {
        // the numbers change from round to round and repeat every 7 rounds (the stream runs as long as the faults do;
        // consecutive rounds always differ, so the last acknowledged numbers are the ones that must remain)
        int round = r % 7;
        int m = o.dptMen();
        int w = o.dptWomen();
        int invalid = 2 + round % 3;
        int valid = (m + w) * 7 / 10 - invalid - round;
        int c1 = valid / 3 + round * 3;
        int c2 = valid / 4 + (o.tps().hashCode() & 7);
        int c3 = valid - c1 - c2;
        int voted = valid + invalid;
        int vm = Math.min(voted / 2, m);
        int vw = voted - vm;
        int received = m + w + ((m + w) * 2 + 99) / 100;
        Map<String, Integer> f = new TreeMap<>();
        row(f, "dpt", m, w);
        row(f, "dptb", 0, 0);
        row(f, "dpk", 0, 0);
        row(f, "all", m, w);
        row(f, "voted.dpt", vm, vw);
        row(f, "voted.dptb", 0, 0);
        row(f, "voted.dpk", 0, 0);
        row(f, "voted.all", vm, vw);
        f.put("ballots.received", received);
        f.put("ballots.used", voted);
        f.put("ballots.damaged", 1);
        f.put("ballots.unused", received - voted - 1);
        f.put("votes.candidate.1", c1);
        f.put("votes.candidate.2", c2);
        f.put("votes.candidate.3", c3);
        f.put("votes.valid", valid);
        f.put("votes.invalid", invalid);
        f.put("votes.total", voted);
        return f;
    }

    static void row(Map<String, Integer> form, String row, int men, int women) {
        form.put(row + ".men", men);
        form.put(row + ".women", women);
        form.put(row + ".total", men + women);
    }

    /** Sends one confirmation until acknowledged; returns how long it waited for a service that was down (ms). */
    static long confirm(Officer officer, Map<String, Integer> form, String key, Tokens tokens, AtomicInteger retries)
            throws Exception {
        StringBuilder values = new StringBuilder();
        form.forEach((k, v) -> values.append(values.isEmpty() ? "" : ",").append("{\"key\":\"").append(k)
                .append("\",\"value\":").append(v).append('}'));
        String body = "{\"values\":[" + values + "],\"reason\":\"Uji gangguan: angka putaran baru\"}";
        long firstFailure = 0;
        long deadline = System.currentTimeMillis() + 240_000;
        while (true) {
            int status;
            String answer;
            boolean duringDiskFault = diskLocked;
            long sent = System.nanoTime();
            try {
                HttpResponse<String> response = SuiteEndToEndTest.call("POST", "/api/recap/tps/" + officer.tps()
                        + "/ballots/PPWP/confirm", tokens.get(officer.username()), body, "Idempotency-Key", key);
                status = response.statusCode();
                answer = response.body();
            } catch (IOException e) {
                status = -1;
                answer = e.toString();
            }
            boolean refusedByDisk = status == 503 && answer.contains("Penyimpanan tidak tersedia");
            if (duringDiskFault || diskLocked || refusedByDisk) { // a refusal answered just after the unlock too
                DURING_DISK_FAULT.incrementAndGet();
                LONGEST_DURING_DISK_FAULT_MS.accumulateAndGet((System.nanoTime() - sent) / 1_000_000, Math::max);
            }
            if (status == 200 || status == 201) {
                return firstFailure == 0 ? 0 : System.currentTimeMillis() - firstFailure;
            }
            if (refusedByDisk) {
                DISK_REFUSALS.incrementAndGet();
            }
            boolean transient_ = status == -1 || status == 429 || status >= 500 || status == 401;
            assertThat(transient_).as("confirmation of " + officer.tps() + " refused: " + status + " " + answer)
                    .isTrue();
            assertThat(System.currentTimeMillis()).as("retrying " + officer.tps() + " since " + answer)
                    .isLessThan(deadline);
            if (firstFailure == 0) {
                firstFailure = System.currentTimeMillis();
            }
            retries.incrementAndGet();
            if (status == 401) {
                tokens.forget(officer.username());
            }
            Thread.sleep(500);
        }
    }

    static void assertTierEquals(String region, Map<String, Integer> truth, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        Map<String, Integer> counted = Map.of();
        int countedTps = -1;
        while (System.nanoTime() < deadline) {
            JsonNode totals = JSON.readTree(SuiteEndToEndTest.call("GET", "/api/recap/public/totals?region=" + region
                    + "&ballotType=PPWP", null, null).body());
            counted = values(totals.path("counted").path("values"));
            countedTps = totals.path("counted").path("tps").asInt(-1);
            if (counted.equals(truth)) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(counted).as("counted totals of " + region + " (" + countedTps + " TPS) equal the ground truth")
                .isEqualTo(truth);
    }

    static Map<String, Integer> values(JsonNode list) {
        Map<String, Integer> values = new TreeMap<>();
        list.forEach(v -> values.merge(v.path("key").asString(), v.path("value").asInt(), Integer::sum));
        values.values().removeIf(v -> v == 0);
        return values;
    }

    static void awaitProgress(AtomicInteger acknowledged, int target) throws InterruptedException {
        while (acknowledged.get() < target) {
            Thread.sleep(100);
        }
    }

    static String brokerRestart(int n) {
        long t0 = System.nanoTime();
        LocalRabbitMq.stop();
        LocalRabbitMq.sleep(3_000);
        LocalRabbitMq.start();
        return "broker restart " + n + " (down " + (System.nanoTime() - t0) / 1_000_000 + " ms)";
    }

    /**
     * Makes a service's store file unwritable for {@link #DISK_SECONDS} (chattr +i as root, read-only permissions
     * otherwise: a full or read-only volume as the service sees it), then writable again; the service is not
     * restarted. Returns how long until it acknowledged a write again (the stream's own submissions).
     */
    static String storeUnwritable(String service) throws Exception {
        Path file = DATA.resolve(service + ".mv");
        int refusedBefore = DISK_REFUSALS.get();
        int duringBefore = DURING_DISK_FAULT.get();
        id.pemilu.common.test.DiskFaults.lock(file);
        diskLocked = true;
        try {
            Thread.sleep(DISK_SECONDS * 1_000L);
        } finally {
            id.pemilu.common.test.DiskFaults.unlock(file);
            diskLocked = false;
        }
        Thread.sleep(1_000); // attempts sent during the fault finish (counted when they return)
        return "store of " + service + " unwritable " + DISK_SECONDS + " s (" + (DURING_DISK_FAULT.get()
                - duringBefore) + " confirmation attempts met it: " + (DISK_REFUSALS.get() - refusedBefore)
                + " answered 503 and retried, the rest held until the disk took writes; longest "
                + LONGEST_DURING_DISK_FAULT_MS.get() + " ms)";
    }

    /** kill -9 a service of the suite, start it again with {@code ./suite up}; returns the recovery time. */
    static String kill9(String service) throws Exception {
        long pid = pid(service);
        long t0 = System.nanoTime();
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            Thread.sleep(50);
        }
        ProcessBuilder restart = new ProcessBuilder(ROOT.resolve("suite").toString(), "up").directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(PIDS.resolveSibling("logs")
                        .resolve("chaos-restart-" + service + ".log").toFile());
        restart.environment().put("SUITE_SKIP_BUILD", "1");
        Process up = restart.start();
        assertThat(up.waitFor()).as("./suite up restarting " + service).isZero();
        return "kill -9 " + service + " (back and ready after " + (System.nanoTime() - t0) / 1_000_000 + " ms)";
    }

    static long pid(String service) throws IOException {
        return Long.parseLong(Files.readString(PIDS.resolve(service + ".pid")).strip());
    }

    static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -" + signal + " " + pid).isZero();
    }

    static double counter(String name) throws Exception {
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(CANDIDATE_SERVICE
                + "/actuator/prometheus")).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("^" + name + "\\{[^}]*consumer=\"candidate-service.parties\"[^}]*} (\\S+)$",
                Pattern.MULTILINE).matcher(metrics.body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    static void waitForParties(List<String> ids, String token) throws Exception {
        Set<String> known = new HashSet<>();
        long deadline = System.currentTimeMillis() + 120_000;
        while (!known.containsAll(ids) && System.currentTimeMillis() < deadline) {
            HttpResponse<String> list = SuiteEndToEndTest.call("GET", "/api/candidates/parties", token, null);
            if (list.statusCode() == 200) {
                JSON.readTree(list.body()).forEach(p -> known.add(p.path("partyId").asString()));
            }
            if (!known.containsAll(ids)) {
                Thread.sleep(500);
            }
        }
        assertThat(known).as("every registered party arrived in candidate-service").containsAll(ids);
    }

    static void createKpps(String admin, String username, String tps) throws Exception {
        String user = """
                {"username":"%s","enabled":true,"emailVerified":true,"firstName":"KPPS","lastName":"Uji Gangguan",
                 "email":"%s@pemilu.invalid","attributes":{"tps_code":["%s"]},
                 "credentials":[{"type":"password","value":"%s","temporary":false}]}"""
                .formatted(username, username, tps, SuiteEndToEndTest.PASSWORD);
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(KEYCLOAK
                        + "/admin/realms/pemilu/users")).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(user)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as("create " + username + ": " + created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        TEMPORARY_USERS.add(id);
        String role = HTTP.send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/admin/realms/pemilu/roles/kpps"))
                .header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> mapped = HTTP.send(HttpRequest.newBuilder(URI.create(location + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + role + "]")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(mapped.statusCode()).as("role kpps for " + username).isEqualTo(204);
    }

    /** The realm admin's token (admin-cli tokens live 60 s), fetched again after 30 s. */
    static final class AdminToken {
        private String token;
        private long at = System.nanoTime();

        AdminToken(String token) {
            this.token = token;
        }

        synchronized String get() throws Exception {
            if (System.nanoTime() - at > 30_000_000_000L) {
                token = TokenAttacksEndToEndTest.adminToken();
                at = System.nanoTime();
            }
            return token;
        }
    }

    /**
     * Access tokens of the temporary officers, renewed before their 5 minutes run out: with the refresh token (cheap
     * for Keycloak), a password login only the first time or when the refresh is refused.
     */
    static final class Tokens {
        private final Map<String, String> tokens = new ConcurrentHashMap<>();
        private final Map<String, String> refresh = new ConcurrentHashMap<>();
        private final Map<String, Long> fetched = new ConcurrentHashMap<>();

        String get(String username) throws Exception {
            Long at = fetched.get(username);
            if (at == null || System.currentTimeMillis() - at > 200_000) {
                JsonNode grant = null;
                String refreshToken = refresh.get(username);
                if (refreshToken != null) {
                    grant = refreshed(refreshToken);
                }
                if (grant == null) {
                    grant = TokenAttacksEndToEndTest.grant("pemilu-cli", username);
                }
                tokens.put(username, grant.path("access_token").asString());
                refresh.put(username, grant.path("refresh_token").asString());
                fetched.put(username, System.currentTimeMillis());
            }
            return tokens.get(username);
        }

        private static JsonNode refreshed(String refreshToken) throws Exception {
            HttpResponse<String> response = TokenAttacksEndToEndTest.form("/realms/pemilu/protocol/openid-connect/token",
                    "grant_type=refresh_token&client_id=pemilu-cli&refresh_token=" + refreshToken);
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        }

        void forget(String username) {
            fetched.remove(username);
        }
    }
}
