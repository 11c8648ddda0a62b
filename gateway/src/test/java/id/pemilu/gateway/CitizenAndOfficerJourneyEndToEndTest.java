package id.pemilu.gateway;

import static id.pemilu.gateway.SuiteEndToEndTest.JSON;
import static id.pemilu.gateway.SuiteEndToEndTest.KEYCLOAK;
import static id.pemilu.gateway.SuiteEndToEndTest.call;
import static id.pemilu.gateway.SuiteEndToEndTest.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The paths people take through the running suite, end to end with real Keycloak tokens: a KPPS officer types the
 * C.Hasil numbers of TPS 31.71.01.1001.003 (dev user kpps.gambir.3), retries on bad signal, and the public sees the
 * result; the officer cannot touch a neighbouring TPS; a citizen uses the portal and the anonymous NIK check.
 */
@Tag("e2e")
class CitizenAndOfficerJourneyEndToEndTest {

    static final String TPS = "31.71.01.1001.003";

    @Test
    void officerTypesNumbersRetriesAndThePublicSeesOneCountedResult() throws Exception {
        String kpps = token(KEYCLOAK, "kpps.gambir.3");
        JsonNode station = JSON.readTree(call("GET", "/api/recap/public/tps/" + TPS, null, null).body());
        int men = station.path("dptMen").asInt();
        int women = station.path("dptWomen").asInt();
        assertThat(men + women).as("TPS %s is in the registry with its DPT", TPS).isPositive();

        int candidate1 = 10 + (int) (System.nanoTime() % 50);
        String body = JSON.writeValueAsString(JSON.createObjectNode()
                .put("reason", "Uji end-to-end: angka diketik ulang dari C.Hasil kertas")
                .set("values", form(men, women, candidate1, 40, 30, 3)));
        String key = "e2e-" + UUID.randomUUID();
        HttpResponse<String> first = call("POST", "/api/recap/tps/" + TPS + "/ballots/PILKADA_BUPATI/confirm", kpps,
                body, "Idempotency-Key", key);
        assertThat(first.statusCode()).as(first.body()).isBetween(200, 201);
        JsonNode confirmed = JSON.readTree(first.body());
        assertThat(confirmed.path("status").asString()).isEqualTo("submitted");
        assertThat(confirmed.path("source").asString()).isEqualTo("manual");

        HttpResponse<String> retry = call("POST", "/api/recap/tps/" + TPS + "/ballots/PILKADA_BUPATI/confirm", kpps,
                body, "Idempotency-Key", key);
        assertThat(JSON.readTree(retry.body()).path("resultVersion").asLong())
                .as("a retry with the same Idempotency-Key records nothing new")
                .isEqualTo(confirmed.path("resultVersion").asLong());

        JsonNode publicTps = JSON.readTree(call("GET", "/api/recap/public/tps/" + TPS, null, null).body());
        JsonNode ballot = null;
        for (JsonNode b : publicTps.path("ballots")) {
            if (b.path("ballotType").asString().equals("PILKADA_BUPATI")) {
                ballot = b;
            }
        }
        assertThat(ballot).as("the confirmed result is public").isNotNull();
        assertThat(ballot.path("status").asString()).isEqualTo("submitted");
        assertThat(valueOf(ballot.path("values"), "votes.candidate.1")).isEqualTo(candidate1);
    }

    @Test
    void officerCannotTouchTheNeighbouringTps() throws Exception {
        String kpps = token(KEYCLOAK, "kpps.gambir.3");
        HttpResponse<String> response = call("POST", "/api/recap/tps/31.71.01.1001.004/ballots/PPWP/confirm", kpps,
                "{\"values\":[{\"key\":\"votes.valid\",\"value\":1}]}", "Idempotency-Key", "e2e-" + UUID.randomUUID());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"status\":403");
    }

    @Test
    void citizenReadsThePortalAndChecksANikWithoutAnAccount() throws Exception {
        HttpResponse<String> portal = call("GET", "/hasil?wilayah=31.71.01", null, null);
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.body()).contains("TPS").containsIgnoringCase("gambir");
        assertThat(call("GET", "/cek-nik", null, null).body()).contains("NIK (16 angka)");

        HttpResponse<String> check = call("POST", "/api/members/public/nik-check", null,
                "{\"nik\":\"3171014101900099\",\"fullName\":\"Warga Uji Tanpa Partai\"}");
        assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
        assertThat(JSON.readTree(check.body()).path("result").asString()).isEqualTo("NOT_FOUND");
    }

    /** A consistent Pilkada C.Hasil: every voter row adds up, votes sum to valid, ballots balance. */
    static ArrayNode form(int men, int women, int c1, int c2, int c3, int invalid) {
        int valid = c1 + c2 + c3;
        int voted = valid + invalid;
        int votedMen = Math.min(men, voted / 2);
        int votedWomen = voted - votedMen;
        int received = men + women + (int) Math.ceil((men + women) * 0.02);
        ArrayNode values = JSON.createArrayNode();
        List<String> zeroRows = List.of("dptb", "dpk", "voted.dptb", "voted.dpk");
        row(values, "dpt", men, women);
        row(values, "all", men, women);
        row(values, "voted.dpt", votedMen, votedWomen);
        row(values, "voted.all", votedMen, votedWomen);
        for (String zero : zeroRows) {
            row(values, zero, 0, 0);
        }
        put(values, "ballots.received", received);
        put(values, "ballots.used", voted);
        put(values, "ballots.damaged", 1);
        put(values, "ballots.unused", received - voted - 1);
        put(values, "votes.candidate.1", c1);
        put(values, "votes.candidate.2", c2);
        put(values, "votes.candidate.3", c3);
        put(values, "votes.valid", valid);
        put(values, "votes.invalid", invalid);
        put(values, "votes.total", voted);
        return values;
    }

    private static void row(ArrayNode values, String row, int men, int women) {
        put(values, row + ".men", men);
        put(values, row + ".women", women);
        put(values, row + ".total", men + women);
    }

    private static void put(ArrayNode values, String key, int value) {
        ObjectNode field = values.addObject();
        field.put("key", key);
        field.put("value", value);
    }

    private static int valueOf(JsonNode values, String key) {
        List<String> seen = new ArrayList<>();
        for (JsonNode v : values) {
            seen.add(v.path("key").asString());
            if (v.path("key").asString().equals(key)) {
                return v.path("value").asInt();
            }
        }
        throw new AssertionError(key + " not among " + seen);
    }
}
