package id.pemilu.recap.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mongodb.client.result.UpdateResult;
import id.pemilu.common.domain.DomainException;
import id.pemilu.common.outbox.OutboxRelay;
import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;
import id.pemilu.common.test.Tokens;
import id.pemilu.recap.dhasil.DHasil;
import id.pemilu.recap.dhasil.DHasilService;
import id.pemilu.recap.recap.RecapApplier;
import id.pemilu.recap.recommendation.RecommendationService;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.common.ballot.BallotType;
import id.pemilu.recap.result.ResultService;
import id.pemilu.recap.storage.DurableWrites;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Two replicas finalizing the same session at the same time, on one database and with no lock between them (each
 * replica is its own {@link SessionService}, so its in-process locks do not reach the other): exactly one wins, the
 * other is refused with a conflict, and there is one D.Hasil, one finalize entry and one {@code DHasilFinalized}.
 * The interleavings that matter are forced (a replica held at its claim or at its session write); a plain race
 * runs too.
 */
@SpringBootTest(properties = {"pemilu.recap.seed-region=31.71", "pemilu.recap.test-store=concurrent-finalize"})
@AutoConfigureMockMvc
class ConcurrentFinalizeTest {

    static final String PUBLIC = "/api/recap/public/dhasil/PPWP/";

    @Autowired
    MockMvc mvc;
    @Autowired
    TpsRegistry registry;
    @Autowired
    ResultService results;
    @Autowired
    SessionService sessions;
    @Autowired
    SessionAccess access;
    @Autowired
    RecapApplier applier;
    @Autowired
    DHasilService dhasil;
    @Autowired
    DurableWrites durable;
    @Autowired
    RecommendationService recommendations;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MongoDatabaseFactory factory;
    @Autowired
    MongoConverter converter;
    @Autowired
    ApplicationContext context;

    /** The service's own template, which a test can make run something just before a session's claim. */
    static class HookedTemplate extends MongoTemplate {

        final AtomicReference<Runnable> beforeClaim = new AtomicReference<>();

        HookedTemplate(MongoDatabaseFactory factory, MongoConverter converter) {
            super(factory, converter);
        }

        @Override
        public UpdateResult updateFirst(Query query, UpdateDefinition update, Class<?> entityClass) {
            Runnable hook = entityClass == RecapSession.class ? beforeClaim.getAndSet(null) : null;
            if (hook != null) {
                hook.run();
            }
            return super.updateFirst(query, update, entityClass);
        }
    }

    /**
     * A thread for each concurrent finalization: the common pool may have a single thread on a 2-core machine (the
     * racing test's two runs then wait for each other at the barrier until it times out, as seen on JDK 25).
     */
    static final java.util.concurrent.ExecutorService RUNS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "finalize-run");
        thread.setDaemon(true);
        return thread;
    });

    @TestConfiguration
    static class Hooks {
        @Bean
        HookedTemplate mongoTemplate(MongoDatabaseFactory factory, MongoConverter converter) {
            return new HookedTemplate(factory, converter);
        }
    }

    @Autowired
    HookedTemplate hooked;

    /** Another replica: its own service (own locks) on the same database, writing through {@code template}. */
    SessionService replica(MongoTemplate template) {
        return new SessionService(template, access, registry, results, applier, dhasil, durable,
                context.getBeanProvider(OutboxRelay.class), "http://localhost:8080", recommendations);
    }

    String openKecamatan(int index) {
        String kec = new ArrayList<>(registry.childrenOf("31.71")).get(index);
        SessionFixture.fill(registry, results, kec, code -> true);
        sessions.open(SessionFixture.officer(Roles.PPK, kec), BallotType.PPWP, kec);
        return kec;
    }

    static Caller ppk(String name, String kec) {
        return new Caller(name, Set.of(Roles.PPK), null, kec, null);
    }

    long storedDHasil(String kec) {
        return mongo.count(new Query(Criteria.where("regionCode").is(kec)), DHasil.COLLECTION);
    }

    long finalizeEntries(String kec) {
        return sessions.find(BallotType.PPWP, kec).orElseThrow().getLog().stream()
                .filter(e -> e.action().equals("finalize")).count();
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("replica not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Only the winner's document is there, announced, valid, and the session says so once. */
    void assertOneDHasilBy(String kec, DHasil winner, String winnerName) throws Exception {
        assertThat(storedDHasil(kec)).isEqualTo(1);
        DHasil stored = dhasil.find("PPWP", kec, 1).orElseThrow();
        assertThat(stored.getSha256()).isEqualTo(winner.getSha256());
        assertThat(stored.getFinalizedBy()).isEqualTo(winnerName);
        RecapSession s = sessions.find(BallotType.PPWP, kec).orElseThrow();
        assertThat(s.getStatus()).isEqualTo(SessionStatus.FINALIZED);
        assertThat(s.getFinalizedVersion()).isEqualTo(1);
        assertThat(finalizeEntries(kec)).isEqualTo(1);
        assertThat(s.getLog().stream().filter(e -> e.action().equals("finalize")).findFirst().orElseThrow().by())
                .isEqualTo(winnerName);
        mvc.perform(get(PUBLIC + kec)).andExpect(status().isOk())
                .andExpect(jsonPath("$.dHasil.sha256").value(winner.getSha256()));
        mvc.perform(get(PUBLIC + kec + "/versions/1/verify")).andExpect(jsonPath("$.valid").value(true));
    }

    @Test
    void aFinalizationOvertakenByALaterClaimLosesAtItsSessionWriteAndLeavesNothing() throws Exception {
        String kec = openKecamatan(0);
        CountDownLatch atCommit = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        MongoTemplate heldAtCommit = new MongoTemplate(factory, converter) {
            @Override
            public <T> UpdateResult replace(Query query, T replacement) {
                if (replacement instanceof RecapSession s && s.getStatus() == SessionStatus.FINALIZED) {
                    atCommit.countDown();
                    ConcurrentFinalizeTest.await(goOn);
                }
                return super.replace(query, replacement);
            }
        };
        CompletableFuture<DHasil> first = CompletableFuture.supplyAsync(() ->
                replica(heldAtCommit).finalizeSession(ppk("ppk-a", kec), BallotType.PPWP, kec), RUNS);
        await(atCommit);
        // replica A claimed the session and wrote its D.Hasil, which is not announced
        assertThat(storedDHasil(kec)).isEqualTo(1);
        mvc.perform(get(PUBLIC + kec)).andExpect(status().isNotFound());

        // replica B finalizes the same session meanwhile: its later claim wins, A's document is replaced
        DHasil second = sessions.finalizeSession(ppk("ppk-b", kec), BallotType.PPWP, kec);
        goOn.countDown();
        Throwable lost = first.handle((d, e) -> e).get(60, TimeUnit.SECONDS);
        assertThat(lost).isNotNull().hasRootCauseInstanceOf(DomainException.class);
        DomainException refusal = (DomainException) rootCause(lost);
        assertThat(refusal.kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(refusal.getMessage()).contains("tidak diterbitkan").contains("petugas lain");

        assertOneDHasilBy(kec, second, "ppk-b");
    }

    @Test
    void aFinalizationThatReadTheSessionBeforeAnotherOneCommittedIsRefusedBeforeWritingAnything() throws Exception {
        String kec = openKecamatan(1);
        CountDownLatch atClaim = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        MongoTemplate heldAtClaim = new MongoTemplate(factory, converter) {
            @Override
            public UpdateResult updateFirst(Query query, UpdateDefinition update, Class<?> entityClass) {
                if (entityClass == RecapSession.class) {
                    atClaim.countDown();
                    ConcurrentFinalizeTest.await(goOn);
                }
                return super.updateFirst(query, update, entityClass);
            }
        };
        CompletableFuture<DHasil> first = CompletableFuture.supplyAsync(() ->
                replica(heldAtClaim).finalizeSession(ppk("ppk-a", kec), BallotType.PPWP, kec), RUNS);
        await(atClaim);
        DHasil second = sessions.finalizeSession(ppk("ppk-b", kec), BallotType.PPWP, kec);
        goOn.countDown();
        Throwable lost = first.handle((d, e) -> e).get(60, TimeUnit.SECONDS);
        DomainException refusal = (DomainException) rootCause(lost);
        assertThat(refusal.kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(refusal.properties()).containsEntry("code", "SESSION_CHANGED");
        assertThat(refusal.getMessage()).contains("diubah oleh petugas lain");

        assertOneDHasilBy(kec, second, "ppk-b");
    }

    @Test
    void theFinalizationThatLostOverHttpGetsA409ProblemInIndonesian() throws Exception {
        String kec = openKecamatan(5);
        SessionService other = replica(new MongoTemplate(factory, converter));
        DHasil[] winner = new DHasil[1];
        // another replica finalizes between this request's read of the session and its claim
        hooked.beforeClaim.set(() -> winner[0] = other.finalizeSession(ppk("ppk-b", kec), BallotType.PPWP, kec));
        mvc.perform(post("/api/recap/sessions/PPWP/" + kec + "/finalize").with(Tokens.ppk(kec))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.title").value("Sesi diubah bersamaan"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
                        "baru saja diubah oleh petugas lain; muat ulang sesi lalu coba lagi")))
                .andExpect(jsonPath("$.code").value("SESSION_CHANGED"));
        assertThat(winner[0]).isNotNull();
        assertOneDHasilBy(kec, winner[0], "ppk-b");
        // finalizing again now is refused as before: the session is finalized
        mvc.perform(post("/api/recap/sessions/PPWP/" + kec + "/finalize").with(Tokens.ppk(kec))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("sudah ditetapkan")));
        assertThat(storedDHasil(kec)).isEqualTo(1);
    }

    @Test
    void twoReplicasRacingOnTheSameSessionGiveOneWinnerEachTime() throws Exception {
        for (int index = 2; index < 5; index++) {
            String kec = openKecamatan(index);
            SessionService a = replica(mongo);
            SessionService b = replica(mongo);
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<DHasil>> runs = new ArrayList<>();
            for (SessionService replica : List.of(a, b)) {
                String name = replica == a ? "ppk-a" : "ppk-b";
                runs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await(60, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return replica.finalizeSession(ppk(name, kec), BallotType.PPWP, kec);
                }, RUNS));
            }
            List<DHasil> won = new ArrayList<>();
            List<DomainException> refused = new ArrayList<>();
            for (CompletableFuture<DHasil> run : runs) {
                Throwable e = run.handle((d, t) -> {
                    if (d != null) {
                        won.add(d);
                    }
                    return t;
                }).get(120, TimeUnit.SECONDS);
                if (e != null) {
                    refused.add((DomainException) rootCause(e));
                }
            }
            assertThat(won).as("winners in %s", kec).hasSize(1);
            assertThat(refused).hasSize(1);
            assertThat(refused.get(0).kind()).isEqualTo(DomainException.Kind.CONFLICT);
            assertOneDHasilBy(kec, won.get(0), won.get(0).getFinalizedBy());
        }
    }

    static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}
