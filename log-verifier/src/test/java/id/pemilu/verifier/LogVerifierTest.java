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
        assertThat(o.state().toString()).isEqualTo("verifier-state.json");
        assertThatThrownBy(() -> LogVerifier.parse(new String[] {"--tanpa"})).isInstanceOf(IllegalArgumentException.class);
    }

    static String result(int version, String status, boolean counted, int votes) {
        return "{\"v\":1,\"kind\":\"result\",\"tps\":\"31.71.01.1001.001\",\"desa\":\"31.71.01.1001\","
                + "\"ballot\":\"PPWP\",\"version\":" + version + ",\"status\":\"" + status + "\",\"counted\":" + counted
                + ",\"values\":{\"votes.candidate.1\":" + votes + "}}";
    }
}
