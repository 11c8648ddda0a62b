package id.pemilu.recap.publicapi;

import id.pemilu.common.web.ApiProblem;
import id.pemilu.common.wilayah.Region;
import id.pemilu.common.wilayah.Wilayah;
import id.pemilu.recap.recap.Entry;
import id.pemilu.recap.recap.RecapQueries;
import id.pemilu.recap.recap.RegionTotal;
import id.pemilu.recap.recap.Total;
import id.pemilu.recap.recommendation.RecommendationService;
import id.pemilu.recap.registry.Station;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.recap.report.TpsReports;
import id.pemilu.common.ballot.BallotType;
import id.pemilu.recap.result.Change;
import id.pemilu.recap.result.FieldValue;
import id.pemilu.recap.result.Flag;
import id.pemilu.recap.result.ResultService;
import id.pemilu.recap.result.TpsAccess;
import id.pemilu.recap.registry.TpsCode;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What citizens read without logging in: region tree, totals, progress, each TPS's result with its photos, and
 * downloads. Only person-confirmed results appear; drafts (machine readings) never do. Flagged results are shown as
 * flagged and kept out of the counted totals.
 */
@RestController
class PublicController {

    private final TpsRegistry registry;
    private final RecapQueries totals;
    private final ResultService results;
    private final TpsAccess access;
    private final PublicPhotos photos;
    private final TpsReports reports;
    private final RecommendationService recommendations;
    private final PublicReadCache cache;
    private final Duration maxAge;

    PublicController(TpsRegistry registry, RecapQueries totals, ResultService results, TpsAccess access,
                     PublicPhotos photos, TpsReports reports, RecommendationService recommendations,
                     PublicReadCache cache, @Value("${pemilu.recap.public-cache.max-age:5s}") Duration maxAge) {
        this.cache = cache;
        this.maxAge = maxAge;
        this.reports = reports;
        this.recommendations = recommendations;
        this.registry = registry;
        this.totals = totals;
        this.results = results;
        this.access = access;
        this.photos = photos;
    }

    @GetMapping("/api/recap/public/regions")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RegionTree.class)))
    ResponseEntity<byte[]> regions(@RequestParam(defaultValue = TpsRegistry.NATIONAL) String parent) {
        return answer(cache.region("regions|" + parent, () -> regionTree(parent)));
    }

    private RegionTree regionTree(String parent) {
        RegionRef self = ref(parent);
        List<RegionRef> children = registry.childrenOf(parent).stream().map(this::ref).toList();
        return new RegionTree(self.code(), self.name(), self.level(), self.tpsTotal(), children);
    }

    @GetMapping("/api/recap/public/totals")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TotalsView.class)))
    ResponseEntity<byte[]> totals(@RequestParam(defaultValue = TpsRegistry.NATIONAL) String region,
                                  @RequestParam(defaultValue = "PPWP") String ballotType) {
        BallotType type = BallotType.parse(ballotType);
        return answer(cache.region("totals|" + type.name() + "|" + region, () -> {
            RegionRef ref = ref(region);
            RegionTotal total = totals.find(type.name(), region).orElse(null);
            return TotalsView.of(ref, type, total);
        }));
    }

    @GetMapping("/api/recap/public/progress")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProgressView.class)))
    ResponseEntity<byte[]> progress(@RequestParam(defaultValue = TpsRegistry.NATIONAL) String region,
                                    @RequestParam(defaultValue = "PPWP") String ballotType,
                                    @RequestParam(defaultValue = "100") int limit) {
        BallotType type = BallotType.parse(ballotType);
        if (limit < 0 || limit > 10_000) {
            throw new IllegalArgumentException("limit harus 0 sampai 10000");
        }
        return answer(cache.region("progress|" + type.name() + "|" + region + "|" + limit,
                () -> progressView(region, type, limit)));
    }

    /**
     * A cached answer: {@code Cache-Control: public, max-age} (browsers and shared caches may reuse it that long) and
     * its ETag, so a conditional request ({@code If-None-Match}) is answered 304 without the body.
     */
    private ResponseEntity<byte[]> answer(PublicReadCache.Body body) {
        return ResponseEntity.ok().eTag(body.etag()).cacheControl(CacheControl.maxAge(maxAge).cachePublic())
                .contentType(MediaType.APPLICATION_JSON).body(body.json());
    }

    private ProgressView progressView(String region, BallotType type, int limit) {
        RegionRef ref = ref(region);
        RegionTotal total = totals.find(type.name(), region).orElse(null);
        List<String> notReported = new ArrayList<>();
        boolean truncated = false;
        List<String> desaCodes = new ArrayList<>(registry.desaUnder(region));
        for (int from = 0; from < desaCodes.size() && !truncated && limit > 0; from += 200) {
            List<String> chunk = desaCodes.subList(from, Math.min(desaCodes.size(), from + 200));
            Map<String, RegionTotal> byCode = totals.findAll(type.name(), chunk).stream()
                    .collect(Collectors.toMap(RegionTotal::getRegionCode, Function.identity()));
            for (String desa : chunk) {
                RegionTotal desaTotal = byCode.get(desa);
                java.util.Set<String> reported = desaTotal == null ? java.util.Set.of() : desaTotal.getEntries()
                        .stream().map(Entry::tpsCode).collect(Collectors.toSet());
                for (Station s : registry.stationsOf(desa)) {
                    if (!reported.contains(s.code().value())) {
                        if (notReported.size() == limit) {
                            truncated = true;
                            break;
                        }
                        notReported.add(s.code().value());
                    }
                }
                if (truncated) {
                    break;
                }
            }
        }
        return ProgressView.of(ref, type, total, notReported, truncated);
    }

    @GetMapping("/api/recap/public/tps/{tpsCode}")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PublicTps.class)))
    ResponseEntity<byte[]> tps(@PathVariable String tpsCode) {
        TpsCode code = new TpsCode(tpsCode);
        return answer(cache.tps(code.value(), () -> publicTps(code)));
    }

    private PublicTps publicTps(TpsCode code) {
        Station station = access.station(code);
        List<PublicBallot> ballots = new ArrayList<>();
        for (BallotType type : BallotType.values()) {
            results.find(code, type).ifPresent(r -> ballots.add(new PublicBallot(type.name(), r.getStatus().wire(),
                    r.getStatus().counted(), r.getResultVersion(), r.getValues(), r.getFlags(), r.getSource(),
                    r.getUpdatedAt(), r.getPhotos().stream().map(p -> new PhotoLink(p.page(), p.sha256(),
                    "/api/recap/public/photos/" + p.sha256())).toList(),
                    r.getHistory().stream().map(PublicChange::of).toList())));
        }
        List<RegionRef> path = Wilayah.indonesia().path(code.desaCode()).stream()
                .map(r -> new RegionRef(r.code(), r.name(), r.level().name(), registry.tpsTotal(r.code()))).toList();
        return new PublicTps(code.value(), "/api/recap/public/tps/" + code.value(), path, station.dptMen(),
                station.dptWomen(), station.dpt(), ballots, reports.openReports(code),
                recommendations.openOnTps(code.value()).size());
    }

    @GetMapping("/api/recap/public/photos/{sha256}")
    ResponseEntity<byte[]> photo(@PathVariable String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("SHA-256 harus 64 karakter heksadesimal huruf kecil.");
        }
        PublicPhotos.Photo photo = photos.find(sha256)
                .orElseThrow(() -> ApiProblem.notFound("Foto " + sha256 + " tidak ada."));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(365)).cachePublic().immutable())
                .header("X-Content-Type-Options", "nosniff")
                .body(photo.bytes());
    }

    @GetMapping("/api/recap/public/download")
    ResponseEntity<?> download(@RequestParam(defaultValue = TpsRegistry.NATIONAL) String region,
                               @RequestParam(defaultValue = "PPWP") String ballotType,
                               @RequestParam(defaultValue = "csv") String format) {
        BallotType type = BallotType.parse(ballotType);
        RegionRef ref = ref(region);
        List<DownloadRow> rows = rows(ref, type);
        String file = "rekap-" + type.name().toLowerCase() + "-" + ref.code() + "." + format;
        if (format.equals("json")) {
            return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + file)
                    .contentType(MediaType.APPLICATION_JSON).body(new Download(ref, type.name(), Instant.now(), rows));
        }
        if (!format.equals("csv")) {
            throw new IllegalArgumentException("format harus csv atau json");
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + file)
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(PublicCsv.write(rows));
    }

    private List<DownloadRow> rows(RegionRef ref, BallotType type) {
        List<DownloadRow> rows = new ArrayList<>();
        if (ref.level().equals("DESA")) {
            RegionTotal desa = totals.find(type.name(), ref.code()).orElse(null);
            Map<String, Entry> entries = new HashMap<>();
            if (desa != null) {
                desa.getEntries().forEach(e -> entries.put(e.tpsCode(), e));
            }
            for (Station s : registry.stationsOf(ref.code())) {
                Entry e = entries.get(s.code().value());
                String status = e == null ? "belum_masuk" : e.status().wire();
                List<Total> values = e == null ? List.of() : e.values().stream().filter(v -> v.value() != null)
                        .map(v -> new Total(v.key(), v.value())).toList();
                boolean counted = e != null && e.status().counted();
                rows.add(new DownloadRow(s.code().value(), "TPS " + s.code().number(), "TPS", 1,
                        counted ? 1 : 0, e != null && !counted ? 1 : 0, status, values));
            }
            return rows;
        }
        Collection<String> children = registry.childrenOf(ref.code());
        Map<String, RegionTotal> byCode = totals.findAll(type.name(), children).stream()
                .collect(Collectors.toMap(RegionTotal::getRegionCode, Function.identity()));
        for (String code : children) {
            RegionRef child = ref(code);
            RegionTotal t = byCode.get(code);
            rows.add(new DownloadRow(code, child.name(), child.level(), child.tpsTotal(),
                    t == null ? 0 : t.getCountedTps(), t == null ? 0 : t.getFlaggedTps(), null,
                    t == null ? List.of() : t.getCounted()));
        }
        return rows;
    }

    private RegionRef ref(String code) {
        if (TpsRegistry.NATIONAL.equals(code)) {
            return new RegionRef(code, "Indonesia", "NASIONAL", registry.tpsTotal(code));
        }
        Region region = Wilayah.indonesia().find(code)
                .orElseThrow(() -> ApiProblem.notFound("Wilayah " + code + " tidak dikenal."));
        return new RegionRef(region.code(), region.name(), region.level().name(), registry.tpsTotal(code));
    }

    record RegionRef(String code, String name, String level, int tpsTotal) {
    }

    record RegionTree(String code, String name, String level, int tpsTotal, List<RegionRef> children) {
    }

    record Part(int tps, List<Total> values) {
    }

    record Progress(int tpsTotal, int reported, int submitted, int flagged, int verified, int corrected,
                    int notReported, double percentReported) {

        static Progress of(int tpsTotal, RegionTotal t) {
            int submitted = t == null ? 0 : t.getSubmittedTps();
            int flagged = t == null ? 0 : t.getFlaggedTps();
            int verified = t == null ? 0 : t.getVerifiedTps();
            int corrected = t == null ? 0 : t.getCorrectedTps();
            int reported = submitted + flagged + verified + corrected;
            double percent = tpsTotal == 0 ? 0 : Math.round(reported * 10000.0 / tpsTotal) / 100.0;
            return new Progress(tpsTotal, reported, submitted, flagged, verified, corrected, tpsTotal - reported,
                    percent);
        }
    }

    record TotalsView(RegionRef region, String ballotType, Part counted, Part flagged, Progress progress,
                      Instant updatedAt) {

        static TotalsView of(RegionRef ref, BallotType type, RegionTotal t) {
            return new TotalsView(ref, type.name(),
                    new Part(t == null ? 0 : t.getCountedTps(), t == null ? List.of() : t.getCounted()),
                    new Part(t == null ? 0 : t.getFlaggedTps(), t == null ? List.of() : t.getFlagged()),
                    Progress.of(ref.tpsTotal(), t), t == null ? null : t.getUpdatedAt());
        }
    }

    record ProgressView(RegionRef region, String ballotType, Progress progress, List<String> notReportedTps,
                        boolean notReportedTruncated) {

        static ProgressView of(RegionRef ref, BallotType type, RegionTotal t, List<String> notReported,
                               boolean truncated) {
            return new ProgressView(ref, type.name(), Progress.of(ref.tpsTotal(), t), notReported, truncated);
        }
    }

    record PhotoLink(int page, String sha256, String url) {
    }

    record PublicBallot(String ballotType, String status, boolean counted, long resultVersion, List<FieldValue> values,
                        List<Flag> flags, String source, Instant updatedAt, List<PhotoLink> photos,
                        List<PublicChange> history) {
    }

    /**
     * One version of a result as the public sees it: when, in which role (the office acting, e.g. the KPPS of this
     * TPS or the PPK of its kecamatan), why, the numbers and flags it left. Not the officer's account name nor the
     * phone's Idempotency-Key: the public history names offices, not people.
     */
    record PublicChange(long resultVersion, String status, String role, Instant at, String reason, String source,
                        List<FieldValue> values, List<String> flags) {

        static PublicChange of(Change c) {
            return new PublicChange(c.resultVersion(), c.status() == null ? null : c.status().wire(), c.role(), c.at(),
                    c.reason(), c.source(), c.values(), c.flags());
        }
    }

    record PublicTps(String tpsCode, String url, List<RegionRef> path, int dptMen, int dptWomen, int dpt,
                     List<PublicBallot> ballots, TpsReports.OpenReports openReports, int openRecommendations) {
    }

    record DownloadRow(String code, String name, String level, int tpsTotal, int countedTps, int flaggedTps,
                       String status, List<Total> values) {
    }

    record Download(RegionRef region, String ballotType, Instant generatedAt, List<DownloadRow> rows) {
    }
}
