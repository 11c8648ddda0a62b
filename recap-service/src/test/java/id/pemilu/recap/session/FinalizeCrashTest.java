package id.pemilu.recap.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;
import id.pemilu.common.test.Tokens;
import id.pemilu.recap.dhasil.DHasil;
import id.pemilu.recap.dhasil.DHasilService;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.common.ballot.BallotType;
import id.pemilu.recap.result.ResultService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Finalizing writes the D.Hasil, then the session (the commit point, with its event), then the head. A crash can
 * stop it after any write; each test leaves the store exactly as such a crash would and checks that nothing
 * unannounced is served, that finalizing again succeeds, and that the check on start completes or undoes the rest.
 */
@SpringBootTest(properties = {"pemilu.recap.seed-region=31.71", "pemilu.recap.test-store=crash"})
@AutoConfigureMockMvc
class FinalizeCrashTest {

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
    DHasilService dhasil;
    @Autowired
    SessionRecovery recovery;
    @Autowired
    MongoTemplate mongo;

    String openKecamatan(int index) {
        String kec = new ArrayList<>(registry.childrenOf("31.71")).get(index);
        SessionFixture.fill(registry, results, kec, code -> true);
        sessions.open(SessionFixture.officer(Roles.PPK, kec), BallotType.PPWP, kec);
        return kec;
    }

    /** What step 1 of a finalization leaves: a signed D.Hasil of the session's version, nothing else. */
    DHasil interruptedFinalization(String kec, Instant at) {
        String tps = registry.stationsOf(registry.desaUnder(kec).iterator().next()).get(0).code().value();
        return dhasil.issue(DHasil.draft("PPWP", kec, "Kecamatan uji", "KECAMATAN", 1, null,
                List.of("votes.candidate.1"), List.of(new DHasil.Row(tps, "TPS 001", kec + ".1001", "tps_result", 1,
                        "submitted", null, "999")), List.of(), List.of(), List.of(), List.of(), "ppk-crashed",
                Roles.PPK, at));
    }

    @Test
    void aCrashAfterTheDHasilWriteLeavesNothingPublicAndFinalizingAgainIssuesTheRealOne() throws Exception {
        String kec = openKecamatan(0);
        DHasil orphan = interruptedFinalization(kec, Instant.now());
        assertThat(dhasil.find("PPWP", kec, 1)).isPresent();

        // never announced: not served, and the session is still open
        mvc.perform(get(PUBLIC + kec)).andExpect(status().isNotFound());
        mvc.perform(get(PUBLIC + kec + "/versions/1")).andExpect(status().isNotFound());
        assertThat(sessions.find(BallotType.PPWP, kec).orElseThrow().getStatus()).isEqualTo(SessionStatus.OPEN);
        // the check on start leaves a document this young alone (another replica may be finalizing it right now)
        assertThat(recovery.recover().unannouncedRemoved()).isZero();

        // the PPK finalizes again: the interrupted document is replaced by the real one
        mvc.perform(post("/api/recap/sessions/PPWP/" + kec + "/finalize").with(Tokens.ppk(kec))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        DHasil issued = dhasil.find("PPWP", kec, 1).orElseThrow();
        assertThat(issued.getSha256()).isNotEqualTo(orphan.getSha256());
        assertThat(issued.getRows()).hasSize(registry.tpsTotal(kec));
        assertThat(issued.getFinalizedBy()).isNotEqualTo("ppk-crashed");
        RecapSession s = sessions.find(BallotType.PPWP, kec).orElseThrow();
        assertThat(s.getStatus()).isEqualTo(SessionStatus.FINALIZED);
        assertThat(s.getFinalizedVersion()).isEqualTo(1);
        mvc.perform(get(PUBLIC + kec + "/versions/1/verify")).andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.storedSha256").value(issued.getSha256()));
        mvc.perform(get(PUBLIC + kec)).andExpect(status().isOk()).andExpect(jsonPath("$.dHasil.version").value(1));
    }

    @Test
    void aCrashBeforeTheHeadIsWrittenIsCompletedByTheCheckOnStart() throws Exception {
        String kec = openKecamatan(1);
        Caller ppk = SessionFixture.officer(Roles.PPK, kec);
        DHasil issued = sessions.finalizeSession(ppk, BallotType.PPWP, kec);
        // as if the process died after the session write: the head was never written
        mongo.remove(new Query(Criteria.where("_id").is("PPWP|" + kec)), "dhasil_heads");
        mvc.perform(get(PUBLIC + kec)).andExpect(status().isNotFound());

        SessionRecovery.Report report = recovery.recover();
        assertThat(report.headsCompleted()).isEqualTo(1);
        assertThat(report.unannouncedRemoved()).isZero();
        mvc.perform(get(PUBLIC + kec)).andExpect(status().isOk()).andExpect(jsonPath("$.dHasil.version").value(1))
                .andExpect(jsonPath("$.dHasil.sha256").value(issued.getSha256()));
        mvc.perform(get(PUBLIC + kec + "/versions/1/verify")).andExpect(jsonPath("$.valid").value(true));
        // a second check finds nothing left to do
        assertThat(recovery.recover().headsCompleted()).isZero();
    }

    @Test
    void theCheckOnStartRemovesAnOldUnannouncedDocumentSoTheSessionCanFinalize() throws Exception {
        String kec = openKecamatan(2);
        interruptedFinalization(kec, Instant.now().minus(SessionRecovery.SETTLED).minus(Duration.ofMinutes(1)));

        SessionRecovery.Report report = recovery.recover();
        assertThat(report.unannouncedRemoved()).isEqualTo(1);
        assertThat(dhasil.find("PPWP", kec, 1)).isEmpty();
        assertThat(sessions.find(BallotType.PPWP, kec).orElseThrow().getStatus()).isEqualTo(SessionStatus.OPEN);
        sessions.finalizeSession(SessionFixture.officer(Roles.PPK, kec), BallotType.PPWP, kec);
        mvc.perform(get(PUBLIC + kec + "/versions/1/verify")).andExpect(jsonPath("$.valid").value(true));
    }
}
