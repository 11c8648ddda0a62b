package id.pemilu.desk.kpu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * Reads recap-service's public API (the same answers any citizen gets): the region tree and TPS of the registry, and
 * KPU's counted totals. Read-only: the desk never writes to recap-service.
 */
public class KpuPublicApi {

    private final RestClient client;

    public KpuPublicApi(RestClient client) {
        this.client = client;
    }

    /** A region and its children that have TPS in recap-service's registry. */
    public record RegionNode(String code, String level, int tpsTotal, List<String> children) {
    }

    /** One row of a region's download: a child region, or (for a desa) one TPS with its status. */
    public record Row(String code, String level, String status, int countedTps, Map<String, Long> values) {
    }

    /** KPU's counted totals of a region for one ballot type (flagged results are not in {@code values}). */
    public record Totals(int countedTps, int flaggedTps, int tpsTotal, Map<String, Long> values, String updatedAt) {
    }

    public RegionNode regions(String parent) {
        JsonNode node = get("/api/recap/public/regions?parent={p}", parent);
        List<String> children = new ArrayList<>();
        node.path("children").forEach(c -> children.add(c.path("code").asString()));
        return new RegionNode(node.path("code").asString(), node.path("level").asString(),
                node.path("tpsTotal").asInt(), children);
    }

    public List<Row> download(String region, String ballotType) {
        JsonNode node = get("/api/recap/public/download?region={r}&ballotType={b}&format=json", region, ballotType);
        List<Row> rows = new ArrayList<>();
        node.path("rows").forEach(r -> rows.add(new Row(r.path("code").asString(), r.path("level").asString(),
                r.path("status").isNull() ? null : r.path("status").asString(null), r.path("countedTps").asInt(),
                values(r.path("values")))));
        return rows;
    }

    /** DPT (men + women) of one TPS. */
    public int dpt(String tpsCode) {
        return get("/api/recap/public/tps/{t}", tpsCode).path("dpt").asInt();
    }

    public Totals totals(String region, String ballotType) {
        JsonNode node = get("/api/recap/public/totals?region={r}&ballotType={b}", region, ballotType);
        JsonNode updated = node.path("updatedAt");
        return new Totals(node.path("counted").path("tps").asInt(), node.path("flagged").path("tps").asInt(),
                node.path("progress").path("tpsTotal").asInt(), values(node.path("counted").path("values")),
                updated.isMissingNode() || updated.isNull() ? null : updated.asString());
    }

    private static Map<String, Long> values(JsonNode list) {
        Map<String, Long> values = new LinkedHashMap<>();
        list.forEach(v -> values.put(v.path("key").asString(), v.path("value").asLong()));
        return values;
    }

    private JsonNode get(String path, Object... variables) {
        JsonNode body = client.get().uri(path, variables).retrieve().body(JsonNode.class);
        return Optional.ofNullable(body).orElseThrow(() -> new RestClientException("recap-service: empty answer"));
    }
}
