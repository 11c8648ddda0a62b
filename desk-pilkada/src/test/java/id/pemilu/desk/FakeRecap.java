package id.pemilu.desk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for recap-service's public API in tests: a small registry (desa → TPS with DPT) and KPU results per
 * TPS and ballot type, answered in the shapes recap-service's PublicController uses (regions, download, tps,
 * totals). It only answers GETs, and records every call, so tests can check the desk never writes to it.
 */
public final class FakeRecap implements AutoCloseable {

    public record Official(String status, Map<String, Long> values) {
        boolean counted() {
            return status.equals("submitted") || status.equals("verified") || status.equals("corrected");
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpServer server;
    private final TreeMap<String, Integer> dptByTps = new TreeMap<>();
    private final Map<String, Official> results = new ConcurrentHashMap<>();
    public final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    public FakeRecap() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public FakeRecap tps(String code, int dpt) {
        dptByTps.put(code, dpt);
        return this;
    }

    /** Records KPU's result of a TPS: candidate votes, then valid, invalid, total. */
    public FakeRecap official(String tps, String ballotType, String status, long... numbers) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (int i = 0; i < numbers.length - 3; i++) {
            values.put("votes.candidate." + (i + 1), numbers[i]);
        }
        values.put("votes.valid", numbers[numbers.length - 3]);
        values.put("votes.invalid", numbers[numbers.length - 2]);
        values.put("votes.total", numbers[numbers.length - 1]);
        results.put(tps + "|" + ballotType, new Official(status, values));
        return this;
    }

    public void down(boolean down) {
        this.down = down;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
        calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
        Object body;
        int status = 200;
        if (down) {
            status = 503;
            body = Map.of("status", 503, "title", "Tidak tersedia");
        } else if (!exchange.getRequestMethod().equals("GET")) {
            status = 405;
            body = Map.of("status", 405);
        } else if (path.equals("/api/recap/public/regions")) {
            String parent = q.getOrDefault("parent", "ID");
            List<Map<String, Object>> children = new ArrayList<>();
            for (String child : childrenOf(parent)) {
                children.add(Map.of("code", child, "level", level(child), "tpsTotal", under(child).size()));
            }
            body = Map.of("code", parent, "name", parent, "level", level(parent), "tpsTotal", under(parent).size(),
                    "children", children);
        } else if (path.equals("/api/recap/public/download")) {
            body = Map.of("region", Map.of("code", q.get("region")), "ballotType", q.get("ballotType"),
                    "rows", rows(q.get("region"), q.getOrDefault("ballotType", "PPWP")));
        } else if (path.startsWith("/api/recap/public/tps/")) {
            String code = path.substring("/api/recap/public/tps/".length());
            Integer dpt = dptByTps.get(code);
            if (dpt == null) {
                status = 404;
                body = Map.of("status", 404);
            } else {
                body = Map.of("tpsCode", code, "dpt", dpt, "dptMen", dpt / 2, "dptWomen", dpt - dpt / 2);
            }
        } else if (path.equals("/api/recap/public/totals")) {
            body = totals(q.getOrDefault("region", "ID"), q.getOrDefault("ballotType", "PPWP"));
        } else {
            status = 404;
            body = Map.of("status", 404);
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private List<String> under(String region) {
        // one key range per region (codes sort by region): the benchmark's registries have thousands of TPS
        return List.copyOf(region.equals("ID") ? dptByTps.keySet()
                : dptByTps.subMap(region + ".", true, region + ".\uffff", true).keySet());
    }

    private TreeSet<String> childrenOf(String region) {
        int length = switch (region.equals("ID") ? 0 : region.length()) {
            case 0 -> 2;
            case 2 -> 5;
            case 5 -> 8;
            default -> 13;
        };
        TreeSet<String> children = new TreeSet<>();
        if (region.length() == 13) {
            return children;
        }
        under(region).forEach(t -> children.add(t.substring(0, length)));
        return children;
    }

    private static String level(String code) {
        return switch (code.length()) {
            case 2 -> "PROVINSI";
            case 5 -> "KABKOTA";
            case 8 -> "KECAMATAN";
            case 13 -> "DESA";
            default -> "NASIONAL";
        };
    }

    private List<Map<String, Object>> rows(String region, String ballotType) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (region.length() == 13) {
            for (String tps : under(region)) {
                Official o = results.get(tps + "|" + ballotType);
                Map<String, Object> row = new HashMap<>();
                row.put("code", tps);
                row.put("level", "TPS");
                row.put("tpsTotal", 1);
                row.put("countedTps", o != null && o.counted() ? 1 : 0);
                row.put("flaggedTps", o != null && !o.counted() ? 1 : 0);
                row.put("status", o == null ? "belum_masuk" : o.status());
                row.put("values", o == null ? List.of() : list(o.values()));
                rows.add(row);
            }
            return rows;
        }
        for (String child : childrenOf(region)) {
            Map<String, Object> t = totals(child, ballotType);
            Map<String, Object> row = new HashMap<>();
            row.put("code", child);
            row.put("level", level(child));
            row.put("countedTps", ((Map<?, ?>) t.get("counted")).get("tps"));
            row.put("status", null);
            row.put("values", ((Map<?, ?>) t.get("counted")).get("values"));
            rows.add(row);
        }
        return rows;
    }

    private Map<String, Object> totals(String region, String ballotType) {
        Map<String, Long> sums = new LinkedHashMap<>();
        int counted = 0;
        int flagged = 0;
        for (String tps : under(region)) {
            Official o = results.get(tps + "|" + ballotType);
            if (o == null) {
                continue;
            }
            if (o.counted()) {
                counted++;
                o.values().forEach((k, v) -> sums.merge(k, v, Long::sum));
            } else {
                flagged++;
            }
        }
        Map<String, Object> out = new HashMap<>();
        out.put("region", Map.of("code", region));
        out.put("ballotType", ballotType);
        out.put("counted", Map.of("tps", counted, "values", list(sums)));
        out.put("flagged", Map.of("tps", flagged, "values", List.of()));
        out.put("progress", Map.of("tpsTotal", under(region).size()));
        out.put("updatedAt", counted + flagged == 0 ? null : "2026-11-27T10:00:00Z");
        return out;
    }

    private static List<Map<String, Object>> list(Map<String, Long> values) {
        List<Map<String, Object>> out = new ArrayList<>();
        values.forEach((k, v) -> out.add(Map.of("key", k, "value", v)));
        return out;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null) {
            return q;
        }
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                q.put(URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }
}
