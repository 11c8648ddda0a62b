package id.pemilu.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bad input through the gateway, as an attacker or a broken client sends it, against the running suite: each class
 * must be answered with the expected 4xx and an RFC 9457 problem that gives a reason, must change nothing (the
 * resource it aimed at reads back the same, as its owner sees it) and must leave the service up (its readiness
 * answers 200 afterwards). Prints one line per class and the totals.
 */
@Tag("e2e")
class BadInputEndToEndTest {

    static final String TPS = "31.71.01.1001.001";
    static final String CONFIRM = "/api/recap/tps/" + TPS + "/ballots/PPWP/confirm";
    static final String PHOTOS = "/api/recap/tps/" + TPS + "/ballots/PPWP/photos";
    static final String LEADERSHIP = "/api/parties/pnb/leadership";
    static final String IMPORTS = "/api/parties/pnb/member-imports";
    static final String NIK_CHECK = "/api/members/public/nik-check";
    static final String DESK_REPORT = "/api/desk/reports/" + TPS + "/PILKADA_GUBERNUR";
    /** Where each service answers directly (its readiness), as the suite's gateway routes name them. */
    static final Map<String, String> SERVICES = Map.of(
            "recap-service", env("RECAP_SERVICE_URL", "http://127.0.0.1:8084"),
            "party-registry", env("PARTY_REGISTRY_URL", "http://127.0.0.1:8082"),
            "candidate-service", env("CANDIDATE_SERVICE_URL", "http://127.0.0.1:8083"),
            "desk-pilkada", env("DESK_PILKADA_URL", "http://127.0.0.1:8086"),
            "ocr-c1-reader", env("OCR_C1_READER_URL", "http://127.0.0.1:8085"));

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** What a case reads back (as whom) before and after, to show that nothing changed. */
    record ReadBack(String user, String path) {
    }

    static final ReadBack RESULT = new ReadBack("kpps.gambir.1", "/api/recap/tps/" + TPS + "/ballots/PPWP");
    static final ReadBack PUBLIC_TPS = new ReadBack(null, "/api/recap/public/tps/" + TPS);
    static final ReadBack PARTY = new ReadBack("kpu.ri", "/api/parties/pnb");
    static final ReadBack PARTY_IMPORTS = new ReadBack("kpu.ri", IMPORTS);
    static final ReadBack DESK = new ReadBack("pelapor.gambir.1", DESK_REPORT);
    static final ReadBack DAPIL = new ReadBack("kpu.ri", "/api/dapil");

    record Case(String name, String service, String user, String method, String path, String contentType, byte[] body,
                Set<Integer> expected, ReadBack readBack) {
    }

    static final List<Case> CASES = new ArrayList<>();

    static void add(String name, String service, String user, String method, String path, String contentType,
                    Object body, Set<Integer> expected, ReadBack readBack) {
        byte[] bytes = body == null ? null : body instanceof byte[] b ? b : body.toString()
                .getBytes(StandardCharsets.UTF_8);
        CASES.add(new Case(name, service, user, method, path, contentType, bytes, expected, readBack));
    }

    static String values(String key, String value) {
        return "{\"values\":[{\"key\":\"" + key + "\",\"value\":" + value + "}],\"reason\":\"uji masukan\"}";
    }

    static String leader(String name) {
        return "{\"leadership\":[{\"name\":\"" + name + "\",\"role\":\"Ketua Umum\",\"gender\":\"P\"}]}";
    }

    static byte[] multipart(String part, String filename, String type, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--b0undary\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n--b0undary--\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A PNG header announcing 100,000 × 100,000 pixels (40 GB decoded) followed by no pixels. */
    static byte[] pixelBomb() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        byte[] ihdr = new byte[] {'I', 'H', 'D', 'R', 0, 1, (byte) 0x86, (byte) 0xa0, 0, 1, (byte) 0x86, (byte) 0xa0,
                8, 2, 0, 0, 0};
        out.writeBytes(new byte[] {0, 0, 0, 13});
        out.writeBytes(ihdr);
        CRC32 crc = new CRC32();
        crc.update(ihdr);
        long c = crc.getValue();
        out.writeBytes(new byte[] {(byte) (c >> 24), (byte) (c >> 16), (byte) (c >> 8), (byte) c});
        return out.toByteArray();
    }

    /** An XLSX-looking zip whose sheet inflates from ~100 KB to 100 MB of zeros. */
    static byte[] zipBomb() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 100; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    static {
        String json = "application/json";
        Set<Integer> bad = Set.of(400);
        add("malformed JSON (cut off)", "recap-service", "kpps.gambir.1", "POST", CONFIRM, json,
                "{\"values\":[{\"key\":\"votes.candidate.1\",", bad, RESULT);
        add("wrong type (text for a number)", "recap-service", "kpps.gambir.1", "POST", CONFIRM, json,
                values("votes.candidate.1", "\"seratus\""), bad, RESULT);
        add("number written as a string (\"105\")", "recap-service", "kpps.gambir.1", "POST", CONFIRM, json,
                values("votes.candidate.1", "\"105\""), bad, RESULT);
        add("fraction for a count (999.9)", "recap-service", "kpps.gambir.1", "POST", CONFIRM, json,
                values("votes.candidate.1", "999.9"), bad, RESULT);
        add("negative count", "recap-service", "kpps.gambir.1", "POST", CONFIRM, json,
                values("votes.candidate.1", "-5"), bad, RESULT);
        add("number beyond 64 bits", "recap-service", "kpps.gambir.1", "POST", CONFIRM, json,
                values("votes.candidate.1", "99999999999999999999999"), bad, RESULT);
        add("number beyond 32 bits (int overflow)", "recap-service", "kpps.gambir.1", "POST", CONFIRM, json,
                values("votes.candidate.1", "4294967297"), bad, RESULT);
        add("unknown field (\"status\":\"verified\")", "recap-service", "kpps.gambir.1", "POST", CONFIRM, json,
                "{\"values\":[],\"status\":\"verified\"}", bad, RESULT);
        add("deeply nested JSON (100,000 levels)", "recap-service", "kpps.gambir.1", "POST", CONFIRM, json,
                "{\"values\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}", bad, RESULT);
        add("empty body", "recap-service", "kpps.gambir.1", "POST", CONFIRM, json, "", bad, RESULT);
        add("JSON null as the body", "recap-service", "kpps.gambir.1", "POST", CONFIRM, json, "null", bad, RESULT);
        add("array where an object belongs", "recap-service", "kpps.gambir.1", "POST", CONFIRM, json, "[]", bad,
                RESULT);
        add("wrong content type (text/plain for JSON)", "recap-service", "kpps.gambir.1", "POST", CONFIRM,
                "text/plain", values("votes.candidate.1", "5"), Set.of(415), RESULT);
        add("bad field key (script in the key)", "recap-service", "kpps.gambir.1", "POST", CONFIRM, json,
                values("<script>alert(1)</script>", "5"), bad, RESULT);
        add("unknown ballot type in the path", "recap-service", "kpps.gambir.1", "POST",
                "/api/recap/tps/" + TPS + "/ballots/PEMILU_X/confirm", json, values("votes.candidate.1", "5"), bad,
                RESULT);
        add("malformed TPS code", "recap-service", null, "GET", "/api/recap/public/tps/31.71.01.1001.ABC", null,
                null, bad, PUBLIC_TPS);
        add("path traversal in a photo hash (%2e%2e%2f)", "recap-service", null, "GET",
                "/api/recap/public/photos/..%2F..%2F..%2Fetc%2Fpasswd", null, null, Set.of(400), PUBLIC_TPS);
        add("unknown region code", "recap-service", null, "GET", "/api/recap/public/totals?region=99.99.99", null,
                null, Set.of(400, 404), PUBLIC_TPS);
        add("truncated JPEG", "recap-service", "kpps.gambir.1", "POST", PHOTOS, "multipart/form-data; boundary=b0undary",
                multipart("photo", "c1.jpg", "image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff,
                        (byte) 0xe0, 0, 0x10, 'J', 'F'}), Set.of(400, 415, 422), PUBLIC_TPS);
        add("wrong magic bytes (text named .jpg)", "recap-service", "kpps.gambir.1", "POST", PHOTOS,
                "multipart/form-data; boundary=b0undary", multipart("photo", "c1.jpg", "image/jpeg",
                        "bukan gambar".getBytes(StandardCharsets.UTF_8)), Set.of(400, 415, 422), PUBLIC_TPS);
        add("pixel bomb (PNG of 100,000 x 100,000)", "recap-service", "kpps.gambir.1", "POST", PHOTOS,
                "multipart/form-data; boundary=b0undary", multipart("photo", "c1.png", "image/png", pixelBomb()),
                Set.of(400, 413, 415, 422), PUBLIC_TPS);
        add("malformed multipart (no closing boundary)", "recap-service", "kpps.gambir.1", "POST", PHOTOS,
                "multipart/form-data; boundary=b0undary", "--b0undary\r\nContent-Disposition: form-data; name=\"photo\"",
                bad, PUBLIC_TPS);
        add("oversize body (26 MB)", "recap-service", "kpps.gambir.1", "POST", PHOTOS,
                "multipart/form-data; boundary=b0undary", multipart("photo", "c1.jpg", "image/jpeg",
                        new byte[26 * 1024 * 1024]), Set.of(413), PUBLIC_TPS);
        add("name with a right-to-left override (U+202E)", "party-registry", "operator.pnb", "PUT", LEADERSHIP, json,
                leader("Ratna \u202eiweD"), bad, PARTY);
        add("name with NUL", "party-registry", "operator.pnb", "PUT", LEADERSHIP, json, leader("Ratna\\u0000Dewi"),
                bad, PARTY);
        add("name with a zero-width space", "party-registry", "operator.pnb", "PUT", LEADERSHIP, json,
                leader("Ratna\u200bDewi"), bad, PARTY);
        add("name of 1,048,576 characters", "party-registry", "operator.pnb", "PUT", LEADERSHIP, json,
                leader("A".repeat(1 << 20)), bad, PARTY);
        add("impossible NIK (day 99)", "party-registry", null, "POST", NIK_CHECK, json,
                "{\"nik\":\"3171019901990001\",\"fullName\":\"Sri Wahyuni\"}", bad, PARTY);
        add("anonymous body over 64 KB", "party-registry", null, "POST", NIK_CHECK, json,
                "{\"nik\":\"3171014101990001\",\"fullName\":\"" + "A".repeat(70_000) + "\"}", Set.of(413), PARTY);
        add("malformed CSV member list (unclosed quote)", "party-registry", "operator.pnb", "POST", IMPORTS,
                "multipart/form-data; boundary=b0undary", multipart("file", "anggota.csv", "text/csv",
                        "nik,nama\n\"3171010101900001,Ani\n".getBytes(StandardCharsets.UTF_8)), Set.of(400, 422),
                PARTY_IMPORTS);
        add("malformed XLSX (random bytes)", "party-registry", "operator.pnb", "POST", IMPORTS,
                "multipart/form-data; boundary=b0undary", multipart("file", "anggota.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        "PK\u0003\u0004 rusak".getBytes(StandardCharsets.ISO_8859_1)), Set.of(400, 422), PARTY_IMPORTS);
        try {
            add("zip bomb XLSX (100 KB inflating to 100 MB)", "party-registry", "operator.pnb", "POST", IMPORTS,
                    "multipart/form-data; boundary=b0undary", multipart("file", "anggota.xlsx",
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", zipBomb()),
                    Set.of(400, 413, 422), PARTY_IMPORTS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        add("CSV formula in a dapil file (=HYPERLINK)", "candidate-service", "kpu.ri", "POST", "/api/dapil/import",
                "text/csv", "kode,nama\n=HYPERLINK(\"http://x\"),Dapil\n", bad, DAPIL);
        add("negative number (ballot number -1)", "party-registry", "kpu.ri", "PUT", "/api/parties/pnb/ballot-number",
                json, "{\"ballotNumber\":-1}", bad, PARTY);
        add("wrong method (DELETE on a read-only path)", "party-registry", "kpu.ri", "DELETE", "/api/parties/pnb",
                null, null, Set.of(405), PARTY);
        add("bad query parameter type (limit=banyak)", "party-registry", "kpu.ri", "GET",
                "/api/parties/pnb/members?limit=banyak", null, null, bad, PARTY);
        add("desk report with a negative count", "desk-pilkada", "pelapor.gambir.1", "POST", DESK_REPORT, json,
                "{\"candidates\":[-10,5],\"valid\":-5,\"invalid\":0,\"total\":-5}", bad, DESK);
        add("desk report for a malformed TPS code", "desk-pilkada", "pelapor.gambir.1", "POST",
                "/api/desk/reports/31.71.01.1001.X/PILKADA_GUBERNUR", json,
                "{\"candidates\":[1,2],\"valid\":3,\"invalid\":0,\"total\":3}", bad, DESK);
    }

    @Test
    void everyBadInputClassIsRefusedWithAReasonChangesNothingAndLeavesTheServiceUp() throws Exception {
        Map<String, String> tokens = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        Map<Integer, Integer> byStatus = new LinkedHashMap<>();
        Map<String, Integer> byService = new LinkedHashMap<>();
        StringBuilder table = new StringBuilder();
        for (Case c : CASES) {
            String before;
            HttpResponse<String> response;
            String after;
            try {
                before = read(c.readBack(), tokens);
                response = send(c, tokens);
                after = read(c.readBack(), tokens);
            } catch (Exception e) {
                throw new AssertionError("case '" + c.name() + "': " + e, e);
            }
            int status = response.statusCode();
            boolean problem = AccessMatrixEndToEndTest.isProblem(response) && response.body().contains("\"detail\":\"");
            boolean up = ready(c.service());
            byStatus.merge(status, 1, Integer::sum);
            byService.merge(c.service(), 1, Integer::sum);
            String detail = response.body().replaceAll(".*\"detail\":\"((?:[^\"\\\\]|\\\\.)*)\".*", "$1");
            table.append(String.format("  %-48s %-17s %d %s%n", c.name(), c.service(), status,
                    AccessMatrixEndToEndTest.abbreviate(detail)));
            if (!c.expected().contains(status) || !problem || !before.equals(after) || !up) {
                wrong.add(c.name() + ": status " + status + " (expected " + c.expected() + "), problem body " + problem
                        + ", unchanged " + before.equals(after) + ", service up " + up + " - "
                        + AccessMatrixEndToEndTest.abbreviate(response.body()));
            }
        }
        System.out.printf("Bad input: %d classes, by status %s, by service %s%n%s", CASES.size(), byStatus, byService,
                table);
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(25);
        assertThat(wrong).isEmpty();
        assertThat(STALLS).as("read-backs that stalled").hasSizeLessThanOrEqualTo(1);
    }

    static String token(String user, Map<String, String> tokens) throws Exception {
        String token = tokens.get(user);
        if (token == null) {
            token = SuiteEndToEndTest.token(SuiteEndToEndTest.KEYCLOAK, user);
            tokens.put(user, token);
        }
        return token;
    }

    /**
     * Read-backs that stalled (no answer within 70 s, or the gateway's 504 after its 60 s response timeout) and were
     * read again on a new connection. One stall was seen once in CI (stop 37: a read-back timed out after 60 s, the
     * case unknown); the test tolerates at most one per run and prints it, so that a repeat names its case.
     */
    static final List<String> STALLS = new ArrayList<>();

    static String read(ReadBack readBack, Map<String, String> tokens) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(SuiteEndToEndTest.GATEWAY + readBack.path()))
                .timeout(Duration.ofSeconds(70)).GET();
        if (readBack.user() != null) {
            builder.header("Authorization", "Bearer " + token(readBack.user(), tokens));
        }
        HttpRequest request = builder.build();
        long started = System.nanoTime();
        String stall;
        try {
            HttpResponse<String> response = SuiteEndToEndTest.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 504) {
                return response.statusCode() + " " + response.body();
            }
            stall = "504 from the gateway";
        } catch (HttpTimeoutException e) {
            stall = "no answer";
        }
        String note = String.format("read-back %s as %s: %s after %d ms; read again on a new connection",
                readBack.path(), readBack.user(), stall, (System.nanoTime() - started) / 1_000_000);
        System.out.println("STALL " + note);
        STALLS.add(note);
        HttpResponse<String> again = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build().send(request, HttpResponse.BodyHandlers.ofString());
        return again.statusCode() + " " + again.body();
    }

    static HttpResponse<String> send(Case c, Map<String, String> tokens) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SuiteEndToEndTest.GATEWAY + c.path()))
                .timeout(Duration.ofSeconds(120))
                .method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        if (c.user() != null) {
            request.header("Authorization", "Bearer " + token(c.user(), tokens));
        }
        HttpResponse<String> response = SuiteEndToEndTest.HTTP.send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 429) {
            Thread.sleep(6_000);
            response = SuiteEndToEndTest.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }

    static boolean ready(String service) {
        try {
            return SuiteEndToEndTest.HTTP.send(HttpRequest.newBuilder(URI.create(SERVICES.get(service)
                            + "/actuator/health/readiness")).timeout(Duration.ofSeconds(30))
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
