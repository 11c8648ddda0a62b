package id.pemilu.recap.recap;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.common.mongo.EmbeddedMongoAutoConfiguration;
import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;
import id.pemilu.recap.RecapServiceApplication;
import id.pemilu.recap.registry.Station;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.common.ballot.BallotType;
import id.pemilu.recap.result.ConfirmCommand;
import id.pemilu.recap.result.FieldValue;
import id.pemilu.recap.result.ResultService;
import id.pemilu.recap.result.TpsResult;
import id.pemilu.recap.testdata.Forms;
import id.pemilu.recap.translog.LogSequencer;
import id.pemilu.recap.translog.TransparencyLog;
import id.pemilu.verifier.LogVerifier;
import de.bwaldvogel.mongo.MongoServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Two recap-service replicas on one database and one broker (issue 22): every TPS of Gambir is confirmed on both at
 * once with the same Idempotency-Key (as a phone retrying on another replica), some are then changed on both at once
 * with different numbers, and one replica is shut down in the middle; its callers retry on the other. Each result is
 * recorded once per change (compare-and-set on the result version), the totals of every tier equal the sum of the
 * stored results (the rebuild check finds no difference), and the surviving replica's periodic look for unapplied
 * results picks up what the stopped one had not applied (A is set never to apply on its own, so all of its results
 * reach the totals that way). The transparency log has one writer at a time (a lease in the store): A writes first,
 * B takes over when A stops, and the log ends with every change once, consistent for the independent verifier.
 */
class TwoReplicasTest {

    static ConfigurableApplicationContext replica(String uri, String name, long applyIntervalMillis) {
        // arguments, not default properties: they must win over application.yml
        return new SpringApplicationBuilder(RecapServiceApplication.class).run(
                "--server.port=0", "--spring.mongodb.uri=" + uri, "--pemilu.recap.seed-region=31.71.01",
                "--pemilu.recap.recover-interval=1s", "--pemilu.recap.totals-events=false",
                "--pemilu.recap.apply-interval-millis=" + applyIntervalMillis,
                "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--spring.application.instance-id=" + name);
    }

    static Caller kpps(String tps) {
        return new Caller("kpps-" + tps, Set.of(Roles.KPPS), tps, null, null);
    }

    static List<FieldValue> form(Station s, int shift) {
        Map<String, Integer> f = Forms.consistent(s.dptMen(), s.dptWomen(), 3, 40 + shift, 55, 30 + s.code().number() % 9);
        return f.entrySet().stream().map(e -> new FieldValue(e.getKey(), e.getValue())).toList();
    }

    /** Calls one replica; if it is gone (shut down), the caller retries the same request on the other. */
    static TpsResult call(ResultService first, ResultService second, Station s, List<FieldValue> values,
                          String reason, String key, AtomicInteger failovers) {
        ConfirmCommand command = new ConfirmCommand(null, values, reason);
        try {
            return first.confirm(kpps(s.code().value()), s.code(), BallotType.PPWP, command, key);
        } catch (RuntimeException replicaGone) {
            if (second == null) {
                throw replicaGone;
            }
            failovers.incrementAndGet();
            return second.confirm(kpps(s.code().value()), s.code(), BallotType.PPWP, command, key);
        }
    }

    @TempDir
    Path dir;

    @Test
    void everyResultIsCountedOnceWhileBothReplicasWriteAndOneStops() throws Exception {
        ConfigurableApplicationContext store = new SpringApplicationBuilder(EmbeddedMongoAutoConfiguration.class)
                .web(WebApplicationType.NONE).run("--spring.application.name=replicas-store",
                        "--spring.main.banner-mode=off", "--pemilu.mongo.embedded.port=0");
        String uri = "mongodb://127.0.0.1:" + store.getBean(MongoServer.class).getLocalAddress().getPort()
                + "/recap_service";
        // A never gets round to applying its results before it stops: B must find and apply them
        ConfigurableApplicationContext a = replica(uri, "a", 3_600_000);
        ConfigurableApplicationContext b = replica(uri, "b", 100);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        ExecutorService side = Executors.newCachedThreadPool();
        try {
            ResultService ra = a.getBean(ResultService.class);
            ResultService rb = b.getBean(ResultService.class);
            TpsRegistry registry = b.getBean(TpsRegistry.class);
            List<Station> stations = new ArrayList<>();
            registry.desaUnder("31.71.01").forEach(d -> stations.addAll(registry.stationsOf(d)));
            assertThat(stations.size()).isGreaterThan(40);
            AtomicInteger failovers = new AtomicInteger();
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < stations.size(); i++) {
                Station s = stations.get(i);
                boolean changed = i % 4 == 0;
                work.add(pool.submit(() -> {
                    // the same request reaches both replicas (a retry on another replica): recorded once
                    String key = "kirim-" + s.code().value();
                    Future<TpsResult> viaB = side.submit(() ->
                            call(rb, null, s, form(s, 0), null, key, failovers));
                    TpsResult viaA = call(ra, rb, s, form(s, 0), null, key, failovers);
                    assertThat(viaA.getResultVersion()).isEqualTo(1);
                    assertThat(viaB.get().getResultVersion()).isEqualTo(1);
                    if (changed) {
                        // two different changes at once, one per replica: both recorded, one after the other
                        Future<TpsResult> second = side.submit(() ->
                                call(rb, null, s, form(s, 2), "Perbaikan salah tulis kedua", "ubah-b-" + s.code(),
                                        failovers));
                        call(ra, rb, s, form(s, 1), "Perbaikan salah tulis pertama", "ubah-a-" + s.code(), failovers);
                        second.get();
                    }
                    return null;
                }));
                if (i == stations.size() / 2) {
                    // replica A stops while requests are in flight; the rest arrive after it is gone
                    side.submit(a::close).get();
                }
            }
            for (Future<?> f : work) {
                f.get();
            }
            assertThat(failovers.get()).as("calls retried on B after A stopped").isGreaterThan(0);
            if (a.isActive()) {
                a.close();
            }

            // everything recorded exactly once per change
            long expectedValid = 0;
            for (int i = 0; i < stations.size(); i++) {
                TpsResult r = rb.find(stations.get(i).code(), BallotType.PPWP).orElseThrow();
                boolean changed = i % 4 == 0;
                assertThat(r.getResultVersion()).as(r.getId()).isEqualTo(changed ? 3 : 1);
                assertThat(r.getHistory()).hasSize(changed ? 3 : 1);
                expectedValid += r.valueMap().get("votes.valid");
            }

            // the survivor applies what is left (its own and, through its periodic look, the stopped replica's)
            RecapApplier applier = b.getBean(RecapApplier.class);
            RecapRebuild rebuild = b.getBean(RecapRebuild.class);
            RecapQueries totals = b.getBean(RecapQueries.class);
            long deadline = System.nanoTime() + 120_000_000_000L;
            RecapRebuild.Report check;
            long national;
            do {
                Thread.sleep(500);
                applier.applyPending();
                check = rebuild.rebuild(false);
                national = totals.find("PPWP", TpsRegistry.NATIONAL).map(t -> t.getCounted().stream()
                        .filter(x -> x.key().equals("votes.valid")).mapToLong(Total::value).sum()).orElse(0L);
            } while ((!check.differences().isEmpty() || national != expectedValid) && System.nanoTime() < deadline);
            assertThat(check.differences()).isEmpty();
            assertThat(check.results()).isEqualTo(stations.size());
            assertThat(national).isEqualTo(expectedValid);
            assertThat(totals.find("PPWP", TpsRegistry.NATIONAL).orElseThrow().getCountedTps())
                    .isEqualTo(stations.size());

            // the transparency log: A started first and held its lease (B passed its hints on through the store);
            // A gave the lease up when it stopped and B took over. Every change is in the log exactly once and the
            // independent verifier finds the log consistent with the stored results, through B's public API.
            LogSequencer sequencer = b.getBean(LogSequencer.class);
            TransparencyLog translog = b.getBean(TransparencyLog.class);
            long changes = stations.size() + 2L * ((stations.size() + 3) / 4);
            deadline = System.nanoTime() + 60_000_000_000L;
            while ((sequencer.drainNow() < 0 || translog.size() < changes) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(translog.size()).as("one entry per change, none twice").isEqualTo(changes);
            assertThat(translog.entries(0, changes).stream().map(TransparencyLog.Stored::entryId).distinct().count())
                    .isEqualTo(changes);
            MongoTemplate mongo = b.getBean(MongoTemplate.class);
            assertThat(mongo.count(new Query(Criteria.where("logOutbox.0").exists(true)), "tps_results")).isZero();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            LogVerifier.Report report = new LogVerifier(new LogVerifier.Options("http://127.0.0.1:"
                    + b.getEnvironment().getProperty("local.server.port"), dir.resolve("state.json"), null, 0, true),
                    new PrintStream(output, true, StandardCharsets.UTF_8)).verify();
            assertThat(report.consistent()).as(output.toString(StandardCharsets.UTF_8)).isTrue();
            assertThat(report.entries()).isEqualTo(changes);
            System.out.printf("two replicas: %d TPS, %d changed twice, %d calls retried on the other replica, "
                    + "%d log entries%n", stations.size(), (stations.size() + 3) / 4, failovers.get(), changes);
        } finally {
            pool.shutdownNow();
            side.shutdownNow();
            if (a.isActive()) {
                a.close();
            }
            b.close();
            store.close();
        }
    }
}
