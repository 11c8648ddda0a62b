package id.pemilu.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verifier's own parts without a service: its JSON reader, its region chain, its replay, its options. */
class LogVerifierTest {

    @Test
    void readsJsonStrictly() {
        Map<String, Object> o = Json.object("{\"a\":[1,-2.5e1,true,null,\"x\\\"y\\u00e9\"],\"b\":{}}");
        List<Object> a = new java.util.ArrayList<>((List<?>) o.get("a"));
        assertThat(a).containsExactly(new BigDecimal("1"), new BigDecimal("-2.5e1"), true, null, "x\"yé");
        assertThatThrownBy(() -> Json.parse("{\"a\":1} x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.parse("{\"a\":}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDesaAddsUpIntoEveryRegionAboveIt() {
        assertThat(LogVerifier.regionsOf("31.71.01.1001")).containsExactly("31.71.01.1001", "31.71.01", "31.71", "31",
                "ID");
    }

    @Test
    void theReplayKeepsTheHighestVersionAndReportsAGapInTheVersions() {
        LogVerifier.Offline offline = new LogVerifier.Offline();
        offline.accept(result(1, "submitted", true, 10));
        offline.accept(result(3, "verified", true, 12));
        long[] summary = offline.finish();
        assertThat(summary[0]).isEqualTo(2);
        assertThat(summary[1]).isEqualTo(1);
        assertThat(summary[2]).isEqualTo(5);
        assertThat(summary[3]).as("version 2 is missing").isEqualTo(1);

        MerkleProofs.RootBuilder tree = new MerkleProofs.RootBuilder();
        tree.add(MerkleProofs.leafHash(result(1, "submitted", true, 10).getBytes(StandardCharsets.UTF_8)));
        assertThat(tree.root()).isEqualTo(MerkleProofs.leafHash(result(1, "submitted", true, 10)
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void optionsHaveDefaultsAndRefuseUnknownOnes() {
        LogVerifier.Options o = LogVerifier.parse(new String[] {"--url", "http://x:8080/", "--settle", "0"});
        assertThat(o.url()).isEqualTo("http://x:8080");
        assertThat(o.settleSeconds()).isZero();
        assertThat(o.state()).as("nothing remembered unless the user names a file").isNull();
        assertThat(o.full()).isFalse();
        assertThatThrownBy(() -> LogVerifier.parse(new String[] {"--tanpa"})).isInstanceOf(IllegalArgumentException.class);
        LogVerifier.Options resumable = LogVerifier.parse(new String[] {"--state", "pengamat.json", "--full"});
        assertThat(resumable.state().toString()).isEqualTo("pengamat.json");
        assertThat(resumable.full()).isTrue();
    }

    static byte[] leaf(int i) {
        return MerkleProofs.leafHash(("entri " + i).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTreeResumedFromItsRememberedSubtreesHasTheRootOfTheWholeTree() {
        for (int first = 0; first <= 40; first++) {
            for (int added = 0; added <= 19; added++) {
                MerkleProofs.RootBuilder whole = new MerkleProofs.RootBuilder();
                for (int i = 0; i < first + added; i++) {
                    whole.add(leaf(i));
                }
                MerkleProofs.RootBuilder before = new MerkleProofs.RootBuilder();
                for (int i = 0; i < first; i++) {
                    before.add(leaf(i));
                }
                assertThat(before.frontier()).hasSize(Long.bitCount(first));
                MerkleProofs.RootBuilder resumed = MerkleProofs.RootBuilder.resume(first, before.frontier());
                assertThat(resumed.root()).isEqualTo(before.root());
                for (int i = first; i < first + added; i++) {
                    resumed.add(leaf(i));
                }
                assertThat(resumed.count()).isEqualTo(first + added);
                assertThat(resumed.root()).as("%d + %d", first, added).isEqualTo(whole.root());
            }
        }
    }

    @Test
    void aRememberedTreeThatIsNotThePrefixGivesAnotherRoot() {
        MerkleProofs.RootBuilder honest = new MerkleProofs.RootBuilder();
        MerkleProofs.RootBuilder rewritten = new MerkleProofs.RootBuilder();
        for (int i = 0; i < 13; i++) {
            honest.add(leaf(i));
            rewritten.add(i == 4 ? leaf(1000) : leaf(i));
        }
        MerkleProofs.RootBuilder resumed = MerkleProofs.RootBuilder.resume(13, rewritten.frontier());
        for (int i = 13; i < 20; i++) {
            honest.add(leaf(i));
            resumed.add(leaf(i));
        }
        assertThat(resumed.root()).isNotEqualTo(honest.root());
        assertThatThrownBy(() -> MerkleProofs.RootBuilder.resume(12, rewritten.frontier()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStateFileKeepsItsListOfHashes() {
        Map<String, Object> state = new java.util.LinkedHashMap<>();
        state.put("url", "http://x");
        state.put("treeSize", 13L);
        state.put("frontier", List.of("aa", "bb", "cc"));
        Map<String, Object> read = Json.object(Json.write(state));
        assertThat(read.get("url")).isEqualTo("http://x");
        assertThat(read.get("treeSize")).isEqualTo(new BigDecimal("13"));
        assertThat(read.get("frontier")).isEqualTo(List.of("aa", "bb", "cc"));
    }

    static String result(int version, String status, boolean counted, int votes) {
        return "{\"v\":1,\"kind\":\"result\",\"tps\":\"31.71.01.1001.001\",\"desa\":\"31.71.01.1001\","
                + "\"ballot\":\"PPWP\",\"version\":" + version + ",\"status\":\"" + status + "\",\"counted\":" + counted
                + ",\"values\":{\"votes.candidate.1\":" + votes + "}}";
    }
}
