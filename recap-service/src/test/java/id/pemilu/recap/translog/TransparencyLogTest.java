package id.pemilu.recap.translog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;
import id.pemilu.common.test.Tokens;
import id.pemilu.recap.recap.RecapApplier;
import id.pemilu.recap.registry.Station;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.common.ballot.BallotType;
import id.pemilu.recap.result.ConfirmCommand;
import id.pemilu.recap.result.FieldValue;
import id.pemilu.recap.result.ResultService;
import id.pemilu.recap.result.ReviewCommand;
import id.pemilu.recap.registry.TpsCode;
import id.pemilu.recap.session.SessionService;
import id.pemilu.recap.testdata.Forms;
import id.pemilu.recap.testdata.Images;
import id.pemilu.verifier.LogVerifier;
import id.pemilu.verifier.MerkleProofs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transparency log end to end: every change of a small election (kecamatan Gambir: photo, confirmations, a PPK
 * correction, a dispute, the session and its signed D.Hasil) is logged; the independent verifier, through the
 * public HTTP API of a running service, says "consistent"; then each tamper the issue lists is done behind the
 * service's back and the verifier must fail on it: a result changed in the database, a deleted entry, a total that
 * does not match the entries, and a rewritten past entry (caught by the consistency proof against a saved head).
 */
// the tamper cases change the database behind the service's back and verify at once: public answers are not kept
// (in service a change made outside the service reaches the public API within the cache's TTL, 1 s)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "pemilu.recap.public-cache.ttl=0")
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransparencyLogTest {

    static final String KEC = "31.71.01";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    TpsRegistry registry;
    @Autowired
    ResultService results;
    @Autowired
    SessionService sessions;
    @Autowired
    RecapApplier applier;
    @Autowired
    LogSequencer sequencer;
    @Autowired
    TransparencyLog translog;
    @Autowired
    MongoTemplate mongo;
    @TempDir
    Path dir;

    List<Station> stations = new ArrayList<>();

    @BeforeEach
    void election() throws Exception {
        for (String desa : registry.desaUnder(KEC)) {
            stations.addAll(registry.stationsOf(desa));
        }
        if (results.find(stations.get(0).code(), BallotType.PPWP).isPresent()) {
            return;
        }
        // a photo for the first TPS (the "photo" entry), then every TPS confirmed by its officer
        mvc.perform(multipart("/api/recap/tps/" + stations.get(0).code().value() + "/ballots/PPWP/photos")
                .file(new MockMultipartFile("photo", "c1.jpg", "image/jpeg", Images.jpegWithExif(11)))
                .with(Tokens.kpps(stations.get(0).code().value()))).andExpect(status().isCreated());
        for (Station s : stations) {
            int n = s.code().number();
            results.confirm(kpps(s), s.code(), BallotType.PPWP, new ConfirmCommand(null,
                    values(Forms.consistent(s.dptMen(), s.dptWomen(), 3, 40 + n % 7, 60 + n % 11, 30 + n % 5)),
                    null), null);
        }
        // PPK corrects one, opens the session and finalizes the D.Hasil, then disputes another result
        Caller ppk = new Caller("ppk.gambir", Set.of(Roles.PPK), null, KEC, null);
        Station corrected = stations.get(1);
        int v1 = results.find(corrected.code(), BallotType.PPWP).orElseThrow().valueMap().get("votes.candidate.1");
        int v2 = results.find(corrected.code(), BallotType.PPWP).orElseThrow().valueMap().get("votes.candidate.2");
        results.review(ppk, corrected.code(), BallotType.PPWP, new ReviewCommand("corrected", List.of(
                new FieldValue("votes.candidate.1", v1 + 2), new FieldValue("votes.candidate.2", v2 - 2)),
                "Dicocokkan dengan C.Hasil kertas"), null);
        sessions.open(ppk, BallotType.PPWP, KEC);
        sessions.finalizeSession(ppk, BallotType.PPWP, KEC);
        results.review(ppk, stations.get(2).code(), BallotType.PPWP,
                new ReviewCommand("disputed", null, "Saksi melaporkan angka berbeda"), null);
        settle();
    }

    static Caller kpps(Station s) {
        return new Caller("kpps." + s.code().value(), Set.of(Roles.KPPS), s.code().value(), null, null);
    }

    static List<FieldValue> values(Map<String, Integer> form) {
        return form.entrySet().stream().map(e -> new FieldValue(e.getKey(), e.getValue())).toList();
    }

    void settle() {
        applier.applyPending();
        sequencer.drainNow();
    }

    record Run(LogVerifier.Report report, String output) {
    }

    Run verify(Path state) {
        return verify(state, false);
    }

    /** A run of the verifier; with a remembered head and not {@code full}, it resumes from that head. */
    Run verify(Path state, boolean full) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        LogVerifier.Report report = new LogVerifier(new LogVerifier.Options("http://127.0.0.1:" + port, state, null, 0,
                full), out).verify();
        return new Run(report, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    @Order(1)
    void anHonestLogIsConsistentAndEveryKindOfChangeIsInIt() throws Exception {
        Run run = verify(dir.resolve("state.json"));
        assertThat(run.report().problems()).as(run.output()).isEmpty();
        assertThat(run.report().consistent()).isTrue();
        assertThat(run.output()).contains("consistent: " + translog.size() + " entri log, " + stations.size() + " TPS");
        assertThat(run.report().dhasil()).isEqualTo(1);
        List<String> kinds = new ArrayList<>();
        for (var e : translog.entries(0, translog.size())) {
            JsonNode entry = JSON.readTree(e.data());
            kinds.add(entry.get("kind").asString() + ":" + (entry.has("action") ? entry.get("action").asString() : ""));
        }
        assertThat(kinds).contains("photo:", "result:confirm", "result:correct", "result:dispute", "session:open",
                "session:finalize");
        // nothing is left waiting in the documents once the log took it
        assertThat(mongo.count(new Query(where("logOutbox.0").exists(true)), "tps_results")).isZero();

        // the log grows: the next run resumes from the remembered head (a prefix of the new one) and fetches only
        // the new entries
        long remembered = run.report().entries();
        Station s = stations.get(3);
        results.review(new Caller("ppk.gambir", Set.of(Roles.PPK), null, KEC, null), s.code(), BallotType.PPWP,
                new ReviewCommand("verified", null, "Sesuai C.Hasil kertas"), null);
        settle();
        long grown = translog.size();
        assertThat(grown).isGreaterThan(remembered);
        Run second = verify(dir.resolve("state.json"));
        assertThat(second.report().consistent()).as(second.output()).isTrue();
        assertThat(second.report().resumedFrom()).isEqualTo(remembered);
        assertThat(second.report().entries()).isEqualTo(grown);
        assertThat(second.report().tps()).as("only the TPS the new entries touch").isEqualTo(1);
        assertThat(second.output()).contains("(b) konsisten dengan tree head yang disimpan (" + remembered + " → "
                        + grown + " entri)")
                .contains("(c) " + (grown - remembered) + " entri baru diunduh")
                .contains("lanjutan: " + (grown - remembered) + " entri baru");
        // a full run with the same file checks everything again, still against the remembered head
        Run full = verify(dir.resolve("state.json"), true);
        assertThat(full.report().consistent()).as(full.output()).isTrue();
        assertThat(full.report().resumedFrom()).isZero();
        assertThat(full.output()).contains("(c) " + grown + " entri diunduh");

        // the heads are signed with the log's own key, published with the head, not the D.Hasil key
        JsonNode head = JSON.readTree(mvc.perform(get("/api/recap/public/log/head")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        JsonNode dhasilCheck = JSON.readTree(mvc.perform(get("/api/recap/public/dhasil/PPWP/" + KEC
                + "/versions/1/verify")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(head.get("keyId").asString()).isNotEqualTo(dhasilCheck.get("keyId").asString());
        assertThat(head.get("publicKey").asString()).isNotEqualTo(dhasilCheck.get("publicKey").asString());
        assertThat(head.get("devKey").asBoolean()).isTrue();

        // the shortcut: the proof for a TPS's current result, checked against the signed root
        JsonNode proof = JSON.readTree(mvc.perform(get("/api/recap/public/log/tps/" + s.code().value() + "/PPWP"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(JSON.readTree(proof.get("data").asString()).get("action").asString()).isEqualTo("verify");
        List<byte[]> path = new ArrayList<>();
        proof.get("path").forEach(h -> path.add(HexFormat.of().parseHex(h.asString())));
        byte[] leaf = MerkleProofs.leafHash(proof.get("data").asString().getBytes(StandardCharsets.UTF_8));
        assertThat(MerkleProofs.verifyInclusion(proof.get("index").asLong(), proof.get("head").get("treeSize").asLong(),
                leaf, path, HexFormat.of().parseHex(proof.get("head").get("rootHash").asString()))).isTrue();
        mvc.perform(get("/api/recap/public/log/dhasil/PPWP/" + KEC)).andExpect(status().isOk());
    }

    @Test
    @Order(2)
    void aResultChangedDirectlyInTheDatabaseIsReported() {
        Station s = stations.get(4);
        String id = s.code().value() + "|PPWP";
        Document original = mongo.findById(id, Document.class, "tps_results");
        Document changed = Document.parse(original.toJson());
        List<Document> values = changed.getList("values", Document.class);
        values.stream().filter(v -> v.getString("key").equals("votes.candidate.1")).forEach(v -> v.put("value", 5));
        mongo.save(changed, "tps_results");
        try {
            Run run = verify(dir.resolve("state.json"), true);
            assertThat(run.report().consistent()).isFalse();
            assertThat(run.output()).contains("INCONSISTENT").contains("BEDA TPS " + s.code().value() + " PPWP")
                    .contains("votes.candidate.1 publik 5");
        } finally {
            mongo.save(original, "tps_results");
        }
        assertThat(verify(dir.resolve("state.json")).report().consistent()).isTrue();
    }

    @Test
    @Order(3)
    void aDeletedEntryIsReported() {
        long index = translog.size() / 2;
        Document entry = mongo.findById(index, Document.class, TransparencyLog.ENTRIES);
        mongo.remove(new Query(where("_id").is(index)), TransparencyLog.ENTRIES);
        try {
            Run run = verify(dir.resolve("state.json"), true);
            assertThat(run.report().consistent()).isFalse();
            assertThat(run.output()).contains("Entri " + index + " hilang dari log")
                    .contains("bukan root yang ditandatangani");
        } finally {
            mongo.insert(entry, TransparencyLog.ENTRIES);
        }
        assertThat(verify(dir.resolve("state.json")).report().consistent()).isTrue();
    }

    @Test
    @Order(4)
    void aTotalThatDoesNotMatchTheEntriesIsReported() {
        Document original = mongo.findById("PPWP|" + KEC, Document.class, "region_totals");
        assertThat(original).as("region total id").isNotNull();
        Document changed = Document.parse(original.toJson());
        changed.getList("counted", Document.class).stream().filter(v -> v.getString("key").equals("votes.candidate.2"))
                .forEach(v -> v.put("value", ((Number) v.get("value")).longValue() + 100));
        mongo.save(changed, "region_totals");
        try {
            Run run = verify(dir.resolve("state.json"), true);
            assertThat(run.report().consistent()).isFalse();
            assertThat(run.output()).contains("BEDA total PPWP " + KEC + ": suara dihitung votes.candidate.2");
        } finally {
            mongo.save(original, "region_totals");
        }
        assertThat(verify(dir.resolve("state.json")).report().consistent()).isTrue();
    }

    @Test
    @Order(5)
    void aStateFileWhoseSubtreesDoNotGiveItsRootIsNotResumedFrom() throws Exception {
        Path state = dir.resolve("edited.json");
        assertThat(verify(state).report().consistent()).isTrue();
        String text = Files.readString(state);
        int at = text.indexOf("\"frontier\":[\"") + "\"frontier\":[\"".length();
        Files.writeString(state, text.substring(0, at) + (text.charAt(at) == '0' ? '1' : '0') + text.substring(at + 1));
        Run run = verify(state);
        assertThat(run.report().consistent()).isFalse();
        assertThat(run.output()).contains("rusak").contains("--full");
        assertThat(verify(state, true).report().consistent()).as("a full run repairs it").isTrue();
        assertThat(verify(state).report().consistent()).isTrue();
    }

    @Test
    @Order(6)
    @DirtiesContext
    void aRewrittenPastEntryFailsTheConsistencyProofAgainstASavedHead() {
        Path saved = dir.resolve("observer.json");
        assertThat(verify(saved).report().consistent()).isTrue();
        // an insider with the database and the signing key rewrites an early result entry, rebuilds every tree hash
        // so that the new tree is whole, and the service goes on appending and signing heads over it
        long target = -1;
        for (var e : translog.entries(0, translog.size())) {
            if (e.data().contains("\"kind\":\"result\"")) {
                target = e.index();
                break;
            }
        }
        Document entry = mongo.findById(target, Document.class, TransparencyLog.ENTRIES);
        String data = entry.getString("data").replace("\"votes.candidate.1\":", "\"votes.candidate.1\":1");
        entry.put("data", data);
        entry.put("leaf", Merkle.leafHash(data.getBytes(StandardCharsets.UTF_8)));
        mongo.save(entry, TransparencyLog.ENTRIES);
        rebuildNodes();
        translog.forgetCache();
        Station s = stations.get(5);
        results.review(new Caller("ppk.gambir", Set.of(Roles.PPK), null, KEC, null), s.code(), BallotType.PPWP,
                new ReviewCommand("verified", null, "Sesuai C.Hasil kertas"), null);
        settle();

        Run observer = verify(saved);
        assertThat(observer.report().consistent()).isFalse();
        assertThat(observer.output()).contains("Log bercabang atau ditulis ulang").contains("Bukti konsistensi gagal")
                .doesNotContain("(c) ");
        // the remembered head stays what was verified: a later run fails the same way
        assertThat(verify(saved).output()).contains("Log bercabang atau ditulis ulang");
        // without a saved head the rewrite of a whole tree is not visible from the log alone: why observers keep one
        Run newcomer = verify(dir.resolve("fresh.json"));
        assertThat(newcomer.output()).contains("(c) ").doesNotContain("Bukti konsistensi gagal");
    }

    /** Recomputes every stored subtree hash from the stored leaves (what an insider covering a rewrite would do). */
    void rebuildNodes() {
        long size = translog.size();
        List<byte[]> level = new ArrayList<>();
        for (var e : translog.entries(0, size)) {
            level.add(e.leaf());
        }
        for (int l = 1; level.size() > 1; l++) {
            List<byte[]> up = new ArrayList<>();
            for (int i = 0; i + 1 < level.size(); i += 2) {
                byte[] hash = Merkle.nodeHash(level.get(i), level.get(i + 1));
                up.add(hash);
                mongo.save(new Document("_id", TransparencyLog.nodeId(l, i / 2)).append("hash", hash),
                        TransparencyLog.NODES);
            }
            level = up;
        }
    }
}
