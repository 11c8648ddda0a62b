package id.pemilu.recap.recap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.common.test.Tokens;
import id.pemilu.recap.registry.Station;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.recap.result.ResultChanged;
import id.pemilu.recap.registry.TpsCode;
import id.pemilu.recap.testdata.Forms;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** What a restart after kill -9 does: results saved but not yet applied are applied again, exactly once. */
@SpringBootTest
@AutoConfigureMockMvc
class RecapRecoveryTest {

    static final String DESA = "31.71.01.1005";

    @Autowired
    MockMvc mvc;
    @Autowired
    RecapApplier applier;
    @Autowired
    RecapQueries queries;
    @Autowired
    RecapRebuild rebuild;
    @Autowired
    TpsRegistry registry;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    id.pemilu.common.outbox.OutboxRelay relay;
    @Autowired
    id.pemilu.recap.result.ResultService results;

    long valid(String region) {
        return queries.find("PPWP", region).map(t -> t.getCounted().stream()
                .filter(v -> v.key().equals("votes.valid")).mapToLong(Total::value).sum()).orElse(0L);
    }

    void confirm(String tps, int a, int b, int c) throws Exception {
        Station s = registry.find(new TpsCode(tps)).orElseThrow();
        Map<String, Integer> values = Forms.consistent(s.dptMen(), s.dptWomen(), 1, a, b, c);
        mvc.perform(post("/api/recap/tps/" + tps + "/ballots/PPWP/confirm").with(Tokens.kpps(tps))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"values\":" + Forms.json(values) + "}"))
                .andExpect(status().isOk());
    }

    @Test
    void unappliedResultsAreReappliedAfterARestartWithoutCountingTwice() throws Exception {
        applier.applyPending();
        long before = valid("ID");
        confirm(DESA + ".001", 10, 10, 10);
        confirm(DESA + ".002", 20, 20, 20);
        applier.applyPending();
        assertThat(valid("ID")).isEqualTo(before + 90);

        // as if the process died after updating the totals but before marking the results applied
        assertThat(mongo.count(new Query(Criteria.where("_id").in(DESA + ".001|PPWP", DESA + ".002|PPWP")),
                RecapApplier.MARKS)).as("marks of the applied results").isEqualTo(2);
        mongo.remove(new Query(Criteria.where("_id").regex("^" + java.util.regex.Pattern.quote(DESA))),
                RecapApplier.MARKS);
        // and as if it died before the kecamatan and national totals were updated
        mongo.remove(new Query(Criteria.where("_id").in("PPWP|31.71.01", "PPWP|ID")), RegionTotal.class);
        assertThat(applier.recover()).isGreaterThanOrEqualTo(2);
        applier.applyPending();
        assertThat(valid(DESA)).isEqualTo(90);
        assertThat(valid("ID")).isEqualTo(before + 90);
        assertThat(rebuild.rebuild(false).differences()).isEmpty();
        assertThat(applier.recover()).isZero();
        // a store written before the marks moved to their own collection keeps them in the results: applied too
        mongo.remove(new Query(Criteria.where("_id").regex("^" + java.util.regex.Pattern.quote(DESA))),
                RecapApplier.MARKS);
        mongo.updateMulti(new Query(Criteria.where("desaCode").is(DESA)), new Update().set("appliedVersion", 1),
                "tps_results");
        assertThat(applier.recover()).isZero();
        // the RegionTotalsChanged and TpsResultRecorded events stored with the changes reach the broker
        relay.sweepNow();
        assertThat(mongo.count(new Query(Criteria.where("outbox.0").exists(true)), "region_totals")).isZero();
        assertThat(mongo.count(new Query(Criteria.where("outbox.0").exists(true)), "tps_results")).isZero();
    }

    /**
     * Another replica writes a desa and a kecamatan between this applier's reads and its one-go writes of a batch: the
     * compare-and-set refuses the stale writes, the batch is written region by region again, and the totals are exact.
     */
    @Test
    void aBatchWhoseRegionsAnotherWriterChangedIsWrittenAgainRegionByRegion() throws Exception {
        String desa = "31.71.01.1003";
        applier.applyPending();
        confirm(desa + ".001", 5, 6, 7);
        applier.applyPending();
        long before = valid("ID");
        long desaBefore = valid(desa);
        long racesBefore = applier.racesLost();
        java.util.concurrent.atomic.AtomicInteger interfered = new java.util.concurrent.atomic.AtomicInteger();
        applier.beforeBatchWrite = () -> {
            // the other replica's write: the same sums, a newer revision
            if (interfered.getAndIncrement() < 2) {
                mongo.updateMulti(new Query(Criteria.where("_id").in("PPWP|" + desa, "PPWP|31.71.01")),
                        new Update().inc("revision", 1), RegionTotal.class);
            }
        };
        try {
            confirm(desa + ".002", 1, 2, 3);
            confirm(desa + ".003", 2, 2, 2);
            applier.applyPending();
        } finally {
            applier.beforeBatchWrite = null;
        }
        assertThat(interfered.get()).as("the desa step and the kecamatan tier were interfered with").isGreaterThanOrEqualTo(2);
        assertThat(applier.racesLost() - racesBefore).as("both batches lost their race").isEqualTo(2);
        assertThat(valid(desa)).isEqualTo(desaBefore + 12);
        assertThat(valid("ID")).isEqualTo(before + 12);
        assertThat(rebuild.rebuild(false).differences()).isEmpty();
    }

    @Test
    void thePeriodicRecoveryQueuesOnlyWhatNoApplierHasAndKeepsPendingNumbers() throws Exception {
        String a = "31.71.01.1006.002";
        String b = "31.71.01.1006.003";
        applier.applyPending();
        long before = valid("ID");
        long desaBefore = valid("31.71.01.1006");
        confirm(a, 3, 3, 3);
        confirm(b, 4, 4, 4);
        applier.applyPending();
        // both applied, then their marks lost (a replica that died before marking them); a is pending here again
        mongo.remove(new Query(Criteria.where("_id").in(a + "|PPWP", b + "|PPWP")), RecapApplier.MARKS);
        applier.on(ResultChanged.of(a + "|PPWP", results.findById(a + "|PPWP").orElseThrow()));
        // fewer results than one slice: the pass ends with its first slice
        assertThat(applier.recoverSlice()).as("queued: b only, a is pending with its numbers").isEqualTo(1);
        assertThat(applier.recovering()).isFalse();
        applier.applyPending();
        assertThat(valid("31.71.01.1006")).isEqualTo(desaBefore + 21);
        assertThat(valid("ID")).isEqualTo(before + 21);
        assertThat(applier.recoverSlice()).isZero();
        assertThat(rebuild.rebuild(false).differences()).isEmpty();
    }

    @Test
    void kpuRiImportsARegistryCsvAllOrNothing() throws Exception {
        String good = "tps_code,dpt_men,dpt_women\n32.73.01.1001.001,120,131\n32.73.01.1001.002,99,101\n";
        String bad = good + "32.73.01.1001.003,abc,1\n";
        mvc.perform(post("/api/recap/admin/registry").with(Tokens.kpuRi()).contentType("text/csv").content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Baris 4")));
        assertThat(registry.find(new TpsCode("32.73.01.1001.001"))).isEmpty();
        mvc.perform(post("/api/recap/admin/registry").with(Tokens.ppk("32.73.01")).contentType("text/csv")
                .content(good)).andExpect(status().isForbidden());
        mvc.perform(post("/api/recap/admin/registry").with(Tokens.kpuRi()).contentType("text/csv").content(good))
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(2));
        assertThat(registry.find(new TpsCode("32.73.01.1001.002")).orElseThrow().dpt()).isEqualTo(200);
        assertThat(registry.tpsTotal("32")).isEqualTo(2);
    }

    @Test
    void rebuildReportsAndFixesADifference() throws Exception {
        confirm("31.71.01.1006.001", 5, 5, 5);
        applier.applyPending();
        mongo.updateFirst(new Query(Criteria.where("_id").is("PPWP|31.71")),
                new Update().set("countedTps", 9999), RegionTotal.class);
        mvc.perform(post("/api/recap/admin/rebuild").with(Tokens.kpuRi()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.differences[?(@.id=='PPWP|31.71')]").exists());
        mvc.perform(post("/api/recap/admin/rebuild").with(Tokens.ppk("31.71.01"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/recap/admin/rebuild").param("fix", "true").with(Tokens.kpuRi()))
                .andExpect(status().isOk());
        assertThat(rebuild.rebuild(false).differences()).isEmpty();
    }
}
