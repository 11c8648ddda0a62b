package id.pemilu.recap.dhasil;

import id.pemilu.common.web.ApiProblem;
import id.pemilu.common.ballot.BallotType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public (anonymous) D.Hasil: the latest version with its live comparison ("berbeda dari D.Hasil"), every version as
 * JSON and PDF, and the verification of its hash and signature.
 */
@RestController
@RequestMapping("/api/recap/public/dhasil/{ballotType}/{region}")
class DHasilPublicController {

    private final DHasilService service;
    private final LiveComparison live;
    private final DHasilPdf pdf;
    private final String publicBaseUrl;

    DHasilPublicController(DHasilService service, LiveComparison live, DHasilPdf pdf,
                           @Value("${pemilu.recap.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.service = service;
        this.live = live;
        this.pdf = pdf;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/$", "");
    }

    @GetMapping
    Latest latest(@PathVariable String ballotType, @PathVariable String region) {
        String type = BallotType.parse(ballotType).name();
        DHasil d = service.latest(type, region).orElseThrow(() -> ApiProblem.notFound("Belum ada D.Hasil " + type
                + " untuk wilayah " + region + "."));
        List<String> versions = IntStream.rangeClosed(1, d.getVersion()).mapToObj(v -> url(type, region, v)).toList();
        return new Latest(view(d), live.compare(d), versions);
    }

    @GetMapping("/versions/{version}")
    DHasilView version(@PathVariable String ballotType, @PathVariable String region, @PathVariable int version) {
        return view(load(ballotType, region, version));
    }

    @GetMapping("/versions/{version}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String ballotType, @PathVariable String region,
                               @PathVariable int version) {
        DHasil d = load(ballotType, region, version);
        byte[] body = pdf.render(d, url(d.getBallotType(), d.getRegionCode(), d.getVersion()) + "/verify");
        String name = "d-hasil-" + d.getBallotType().toLowerCase() + "-" + d.getRegionCode() + "-v" + d.getVersion()
                + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + "\"").body(body);
    }

    @GetMapping("/versions/{version}/verify")
    DHasilService.Verification verify(@PathVariable String ballotType, @PathVariable String region,
                                      @PathVariable int version) {
        return service.verify(load(ballotType, region, version));
    }

    private DHasil load(String ballotType, String region, int version) {
        String type = BallotType.parse(ballotType).name();
        return service.findAnnounced(type, region, version).orElseThrow(() -> ApiProblem.notFound("D.Hasil " + type + " "
                + region + " versi " + version + " tidak ada."));
    }

    private String url(String type, String region, int version) {
        return publicBaseUrl + "/api/recap/public/dhasil/" + type + "/" + region + "/versions/" + version;
    }

    private DHasilView view(DHasil d) {
        List<KeyValue> totals = keyValues(d.getKeys(), d.totalNumbers());
        List<RowView> rows = new ArrayList<>();
        for (DHasil.Row r : d.getRows()) {
            rows.add(new RowView(r.code(), r.name(), r.group(), r.source(), r.sourceVersion(), r.status(),
                    r.decision(), keyValues(d.getKeys(), r.numbers())));
        }
        String self = url(d.getBallotType(), d.getRegionCode(), d.getVersion());
        return new DHasilView(d.getRegionCode(), d.getRegionName(), d.getTier(), d.getBallotType(), d.getVersion(),
                d.getPreviousSha256(), d.getFinalizedBy(), d.getFinalizedRole(), d.getFinalizedAt(), d.getSha256(),
                d.getSignature(), "Ed25519", d.getKeyId(), d.isDevKey(), d.getKeys(), totals, rows, d.getDecisions(),
                d.getCorrections(), d.getObjections(), d.getEvents(), self, self + "/pdf", self + "/verify");
    }

    private static List<KeyValue> keyValues(List<String> keys, long[] numbers) {
        List<KeyValue> out = new ArrayList<>(numbers.length);
        for (int i = 0; i < numbers.length; i++) {
            out.add(new KeyValue(keys.get(i), numbers[i]));
        }
        return out;
    }

    record Latest(DHasilView dHasil, LiveComparison.Comparison live, List<String> versions) {
    }

    record KeyValue(String key, long value) {
    }

    record RowView(String code, String name, String group, String source, long sourceVersion, String status,
                   String decision, List<KeyValue> values) {
    }

    record DHasilView(String regionCode, String regionName, String tier, String ballotType, int version,
                      String previousSha256, String finalizedBy, String finalizedRole, Instant finalizedAt,
                      String sha256, String signature, String algorithm, String keyId, boolean devKey,
                      List<String> keys, List<KeyValue> totals, List<RowView> rows, List<DHasil.Decision> decisions,
                      List<DHasil.Correction> corrections, List<DHasil.Objection> objections,
                      List<DHasil.Event> events, String url, String pdfUrl, String verifyUrl) {
    }
}
