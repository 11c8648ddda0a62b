package id.pemilu.desk.report;

import id.pemilu.common.security.Caller;
import id.pemilu.common.domain.DomainException;
import id.pemilu.desk.DeskProperties;
import id.pemilu.desk.registry.TpsDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Quick reports: one per TPS and contest (a second one is refused and told who reported when), corrections only
 * with a reason and always after the first, checks as for C.Hasil, idempotent retries.
 */
public class ReportService {

    public static final String LABEL = "Data cepat Desk Pilkada — bukan hasil resmi KPU";

    private final MongoTemplate mongo;
    private final TpsDirectory directory;
    private final ReportIndex index;
    private final Reporters reporters;
    private final DeskProperties properties;
    private final Clock clock;

    ReportService(MongoTemplate mongo, TpsDirectory directory, ReportIndex index, Reporters reporters,
                  DeskProperties properties, Clock clock) {
        this.mongo = mongo;
        this.directory = directory;
        this.index = index;
        this.reporters = reporters;
        this.properties = properties;
        this.clock = clock;
    }

    public record Result(ReportView view, boolean created) {
    }

    public Result report(Caller caller, String tpsCode, Contest contest, ReportRequest request, String key) {
        String tps = knownTps(tpsCode);
        DeskAccess.reporterFor(caller, tps);
        notBlocked(caller, tps);
        String idempotencyKey = IdempotencyKeys.check(key);
        QuickNumbers numbers = numbersOf(tps, contest, request);
        String id = QuickReport.idOf(tps, contest);
        Optional<QuickReport> existing = Optional.ofNullable(mongo.findById(id, QuickReport.class));
        if (existing.isPresent()) {
            return new Result(replayOrRefuse(existing.get(), caller, idempotencyKey, numbers), false);
        }
        List<Flag> flags = checked(tps, numbers, request.reason());
        Instant now = clock.instant();
        String status = flags.isEmpty() ? QuickReport.REPORTED : QuickReport.FLAGGED;
        ReportEntry entry = new ReportEntry(ReportEntry.REPORT, numbers, flags, status, caller.username(), now,
                blankToNull(request.reason()), idempotencyKey);
        QuickReport report = new QuickReport(id, tps, contest.name(), status, 1, List.of(entry), List.of(), now);
        try {
            mongo.insert(report);
        } catch (DuplicateKeyException e) {
            QuickReport winner = mongo.findById(id, QuickReport.class);
            return new Result(replayOrRefuse(Objects.requireNonNull(winner), caller, idempotencyKey, numbers), false);
        }
        index.put(report);
        return new Result(ReportView.of(report, false), true);
    }

    public ReportView correct(Caller caller, String tpsCode, Contest contest, ReportRequest request, String key) {
        String tps = knownTps(tpsCode);
        DeskAccess.correctorFor(caller, tps);
        notBlocked(caller, tps);
        String idempotencyKey = IdempotencyKeys.check(key);
        String id = QuickReport.idOf(tps, contest);
        QuickReport report = Optional.ofNullable(mongo.findById(id, QuickReport.class)).orElseThrow(() ->
                DomainException.notFound("Belum ada laporan cepat " + contest.name() + " untuk TPS " + tps
                        + "; kirim laporan dulu."));
        if (idempotencyKey != null) {
            for (ReportEntry e : report.history()) {
                if (idempotencyKey.equals(e.idempotencyKey()) && e.by().equals(caller.username())) {
                    return ReportView.of(report, true);
                }
            }
        }
        if (blankToNull(request.reason()) == null) {
            throw new DomainException(DomainException.Kind.RULES_FAILED, "Perlu alasan tertulis",
                    "Koreksi laporan cepat wajib disertai alasan; laporan pertama tetap disimpan.");
        }
        QuickNumbers numbers = numbersOf(tps, contest, request);
        List<Flag> flags = checked(tps, numbers, request.reason());
        Instant now = clock.instant();
        String status = flags.isEmpty() ? QuickReport.REPORTED : QuickReport.FLAGGED;
        ReportEntry entry = new ReportEntry(ReportEntry.CORRECTION, numbers, flags, status, caller.username(), now,
                request.reason().trim(), idempotencyKey);
        long updated = mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id).and("version").is(report.version())),
                new Update().push("history", entry).set("status", status).set("updatedAt", now).inc("version", 1),
                QuickReport.class).getModifiedCount();
        if (updated == 0) {
            throw DomainException.conflict("Laporan TPS " + tps
                    + " baru saja diubah orang lain; muat ulang lalu coba lagi.");
        }
        List<ReportEntry> history = new ArrayList<>(report.history());
        history.add(entry);
        QuickReport corrected = new QuickReport(id, tps, contest.name(), status, report.version() + 1, history,
                report.photos(), now);
        index.put(corrected);
        return ReportView.of(corrected, false);
    }

    public ReportView find(Caller caller, String tpsCode, Contest contest) {
        String tps = TpsDirectory.checkTps(tpsCode);
        DeskAccess.readerFor(caller, TpsDirectory.desaOf(tps));
        QuickReport report = Optional.ofNullable(mongo.findById(QuickReport.idOf(tps, contest), QuickReport.class))
                .orElseThrow(() -> DomainException.notFound("TPS " + tps + " belum dilaporkan untuk " + contest.name()
                        + "."));
        return ReportView.of(report, false);
    }

    /**
     * What a reporter's phone needs to show the form of one TPS: the race and its number of pairs, the DPT and the
     * ballots (for the checks while typing), the report if there is one, and whether the caller may send or correct.
     */
    public record FormInfo(String label, String tpsCode, String desaCode, String desaName, String contest,
                           String contestTitle, String raceRegion, int pairs, Integer dpt, Integer ballots,
                           int maxVoters, int reservePercent, boolean mayReport, boolean mayCorrect,
                           ReportView report) {
    }

    public FormInfo form(Caller caller, String tpsCode, Contest contest) {
        String desa = TpsDirectory.desaOf(TpsDirectory.checkTps(tpsCode));
        // scope first: outside their region a reporter learns nothing, not even whether the TPS exists
        DeskAccess.readerFor(caller, desa);
        String tps = knownTps(tpsCode);
        Integer dpt = directory.dpt(tps).filter(d -> d > 0).orElse(null);
        Integer ballots = dpt == null ? null : dpt + (dpt * properties.reservePercent() + 99) / 100;
        QuickReport report = mongo.findById(QuickReport.idOf(tps, contest), QuickReport.class);
        return new FormInfo(LABEL, tps, desa, id.pemilu.desk.progress.RegionRef.of(desa).name(), contest.name(),
                contest.title(), contest.regionOf(tps), properties.candidatesOf(contest.regionOf(tps)), dpt, ballots,
                properties.maxVoters(), properties.reservePercent(),
                allowed(() -> DeskAccess.reporterFor(caller, tps)) && reporters.blockFor(caller.username(), tps).isEmpty(),
                allowed(() -> DeskAccess.correctorFor(caller, tps)), report == null ? null : ReportView.of(report, false));
    }

    private static boolean allowed(Runnable check) {
        try {
            check.run();
            return true;
        } catch (DomainException refused) {
            return false;
        }
    }

    void attachPhoto(String tps, Contest contest, PhotoRef photo) {
        String id = QuickReport.idOf(tps, contest);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().push("photos", photo),
                QuickReport.class);
    }

    private ReportView replayOrRefuse(QuickReport existing, Caller caller, String key, QuickNumbers numbers) {
        ReportEntry first = existing.first();
        if (key != null && key.equals(first.idempotencyKey()) && first.by().equals(caller.username())) {
            if (!first.numbers().equals(numbers)) {
                throw new DomainException(DomainException.Kind.CONFLICT, "Idempotency-Key sudah dipakai",
                        "Idempotency-Key ini sudah dipakai untuk laporan dengan angka lain; untuk mengubah angka "
                                + "kirim koreksi dengan alasan.");
            }
            return ReportView.of(existing, true);
        }
        throw new DomainException(DomainException.Kind.CONFLICT, "Sudah dilaporkan",
                "TPS " + existing.tpsCode() + " sudah dilaporkan oleh " + first.by() + " pada " + first.at()
                        + ". Laporan kedua tidak diterima; untuk membetulkan angka kirim koreksi dengan alasan.",
                Map.of("tpsCode", existing.tpsCode(), "contest", existing.contest(), "reportedBy", first.by(),
                        "reportedAt", first.at().toString(), "reportStatus", existing.status()));
    }

    private String knownTps(String tpsCode) {
        String tps = TpsDirectory.checkTps(tpsCode);
        if (!directory.loaded()) {
            throw new DomainException(DomainException.Kind.UNAVAILABLE, "Daftar TPS belum dimuat",
                    "Daftar TPS belum dibaca dari recap-service; coba lagi sebentar lagi.");
        }
        if (!directory.contains(tps)) {
            throw DomainException.notFound("TPS " + tps + " tidak ada dalam daftar TPS desk.");
        }
        return tps;
    }

    private void notBlocked(Caller caller, String tps) {
        reporters.blockFor(caller.username(), tps).ifPresent(b -> {
            throw DomainException.notPermitted("Pelapor " + caller.username() + " dinonaktifkan oleh " + b.by()
                    + " untuk wilayah " + b.regionCode() + ": " + b.reason());
        });
    }

    private QuickNumbers numbersOf(String tps, Contest contest, ReportRequest request) {
        if (request == null) {
            throw DomainException.invalid("Isi laporan wajib ada: {candidates, valid, invalid, total}.");
        }
        QuickNumbers numbers = new QuickNumbers(request.candidates(), request.valid(), request.invalid(),
                request.total());
        int pairs = properties.candidatesOf(contest.regionOf(tps));
        if (numbers.candidates().size() != pairs) {
            throw DomainException.invalid(contest.title() + " di wilayah " + contest.regionOf(tps) + " punya " + pairs
                    + " pasangan calon; laporan berisi " + numbers.candidates().size() + ".");
        }
        return numbers;
    }

    private List<Flag> checked(String tps, QuickNumbers numbers, String reason) {
        List<Flag> flags = QuickChecks.check(numbers, directory.dpt(tps).orElse(0), properties.maxVoters(),
                properties.reservePercent());
        if (!flags.isEmpty() && blankToNull(reason) == null) {
            throw new DomainException(DomainException.Kind.RULES_FAILED, "Perlu alasan tertulis",
                    "Angka tidak lolos pemeriksaan; periksa lagi, atau kirim dengan alasan tertulis (laporan akan "
                            + "ditandai dan tidak masuk jumlah cepat).",
                    Map.of("flags", flags));
        }
        return flags;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
