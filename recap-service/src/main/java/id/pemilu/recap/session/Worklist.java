package id.pemilu.recap.session;

import id.pemilu.recap.tier.Tier;
import id.pemilu.common.security.Caller;
import id.pemilu.common.domain.DomainException;
import id.pemilu.common.wilayah.Region;
import id.pemilu.common.wilayah.Wilayah;
import id.pemilu.recap.dhasil.DHasilService;
import id.pemilu.recap.recap.RecapQueries;
import id.pemilu.recap.recap.RegionTotal;
import id.pemilu.recap.registry.Station;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.recap.report.TpsReports;
import id.pemilu.common.ballot.BallotType;
import id.pemilu.recap.result.Flag;
import id.pemilu.recap.result.ResultChecks;
import id.pemilu.recap.result.ResultService;
import id.pemilu.recap.result.TpsAccess;
import id.pemilu.recap.registry.TpsCode;
import id.pemilu.recap.result.TpsResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The reconciliation desk's work list of a region and ballot type: for a kecamatan (PPK) every TPS with its status,
 * flags, disagreeing readings, open citizen/witness reports and the session's decision; for a kab/kota, provinsi or
 * the nation (KPU) every child region with its TPS counts, its session and its D.Hasil. Counts for the whole list
 * come first. Read-only; officers whose region covers it and Bawaslu.
 */
@Component
class Worklist {

    static final String NOT_REPORTED = "belum_masuk";

    record Counts(int rows, int tpsTotal, int counted, int flagged, int disputed, int readingsDisagree,
                  int notReported, int decided, int openReports, int finalized) {
    }

    record Row(String code, String name, String parentCode, String parentName, String status, List<Flag> flags,
               boolean disputed, boolean readingsDisagree, long resultVersion, String source, String updatedBy,
               Instant updatedAt, int openReports, String decision, int tpsTotal, int countedTps, int flaggedTps,
               int notReportedTps, String sessionStatus, int dHasilVersion) {
    }

    record SessionSummary(String status, int version, int finalizedVersion) {
    }

    record View(String regionCode, String regionName, String tier, String ballotType, SessionSummary session,
                Counts counts, List<Row> rows) {
    }

    private final TpsRegistry registry;
    private final ResultService results;
    private final RecapQueries totals;
    private final TpsReports reports;
    private final SessionService sessions;
    private final DHasilService dhasil;
    private final MongoTemplate mongo;

    Worklist(TpsRegistry registry, ResultService results, RecapQueries totals, TpsReports reports,
             SessionService sessions, DHasilService dhasil, MongoTemplate mongo) {
        this.registry = registry;
        this.results = results;
        this.totals = totals;
        this.reports = reports;
        this.sessions = sessions;
        this.dhasil = dhasil;
        this.mongo = mongo;
    }

    View of(Caller caller, BallotType type, String region) {
        Tier tier = Tier.of(region);
        boolean staff = TpsAccess.REGION_OR_BAWASLU.stream().anyMatch(caller::hasRole);
        if (!staff || !caller.coversRegion(region)) {
            throw DomainException.notPermitted("Wilayah " + region
                    + " berada di luar wilayah Anda: daftar kerja hanya untuk "
                    + "wilayah yang Anda tangani.");
        }
        Optional<RecapSession> session = sessions.find(type, region);
        SessionSummary summary = session.map(s -> new SessionSummary(s.getStatus().wire(), s.getVersion(),
                s.getFinalizedVersion())).orElse(null);
        List<Row> rows = tier == Tier.KECAMATAN ? tpsRows(type, region, session.orElse(null))
                : childRows(type, region);
        int tpsTotal = 0;
        int counted = 0;
        int flagged = 0;
        int disputed = 0;
        int disagree = 0;
        int notReported = 0;
        int decided = 0;
        int open = 0;
        int finalized = 0;
        for (Row r : rows) {
            tpsTotal += r.tpsTotal();
            counted += r.countedTps();
            flagged += r.flaggedTps();
            notReported += r.notReportedTps();
            disputed += r.disputed() ? 1 : 0;
            disagree += r.readingsDisagree() ? 1 : 0;
            decided += r.decision() != null ? 1 : 0;
            open += r.openReports();
            finalized += "finalized".equals(r.sessionStatus()) ? 1 : 0;
        }
        return new View(region, nameOf(region), tier.name(), type.name(), summary, new Counts(rows.size(), tpsTotal,
                counted, flagged, disputed, disagree, notReported, decided, open, finalized), rows);
    }

    private List<Row> tpsRows(BallotType type, String kecamatan, RecapSession session) {
        List<Station> stations = new ArrayList<>();
        registry.desaUnder(kecamatan).forEach(d -> stations.addAll(registry.stationsOf(d)));
        Map<String, TpsResult> byTps = new HashMap<>();
        List<String> ids = stations.stream().map(s -> TpsResult.idOf(s.code(), type)).toList();
        for (int from = 0; from < ids.size(); from += 500) {
            results.findAll(ids.subList(from, Math.min(ids.size(), from + 500)))
                    .forEach(r -> byTps.put(r.getTpsCode(), r));
        }
        Map<String, Integer> openReports = reports.openCountsUnder(kecamatan);
        List<Row> rows = new ArrayList<>();
        for (Station station : stations) {
            TpsCode code = station.code();
            TpsResult r = byTps.get(code.value());
            String decision = session == null ? null : session.decisionFor(code.value())
                    .map(RecapSession.TpsDecision::decision).orElse(null);
            List<Flag> flags = r == null ? List.of() : r.getFlags();
            boolean disputed = flags.stream().anyMatch(f -> ResultService.DISPUTED.equals(f.code()));
            boolean disagree = flags.stream().anyMatch(f -> ResultChecks.READINGS_DISAGREE.equals(f.code()));
            boolean isCounted = r != null && r.getStatus().counted();
            boolean isFlagged = r != null && !isCounted;
            rows.add(new Row(code.value(), "TPS " + String.format("%03d", code.number()), code.desaCode(),
                    nameOf(code.desaCode()), r == null ? NOT_REPORTED : r.getStatus().wire(), flags, disputed,
                    disagree, r == null ? 0 : r.getResultVersion(), r == null ? null : r.getSource(),
                    r == null ? null : r.getUpdatedBy(), r == null ? null : r.getUpdatedAt(),
                    openReports.getOrDefault(code.value(), 0), decision, 1, isCounted ? 1 : 0, isFlagged ? 1 : 0,
                    r == null ? 1 : 0, null, 0));
        }
        return rows;
    }

    private List<Row> childRows(BallotType type, String region) {
        List<String> children = new ArrayList<>(registry.childrenOf(region));
        Map<String, RegionTotal> byChild = new HashMap<>();
        totals.findAll(type.name(), children).forEach(t -> byChild.put(t.getRegionCode(), t));
        Map<String, RecapSession> childSessions = new HashMap<>();
        List<String> ids = children.stream().map(c -> RecapSession.idOf(type.name(), c)).toList();
        for (int from = 0; from < ids.size(); from += 500) {
            mongo.find(new Query(Criteria.where("_id").in(ids.subList(from, Math.min(ids.size(), from + 500)))),
                    RecapSession.class).forEach(s -> childSessions.put(s.getRegionCode(), s));
        }
        Map<String, Integer> openReports = reports.openCountsUnder(region);
        List<Row> rows = new ArrayList<>();
        for (String child : children) {
            RegionTotal t = byChild.get(child);
            int tps = registry.tpsTotal(child);
            int countedTps = t == null ? 0 : t.getCountedTps();
            int flaggedTps = t == null ? 0 : t.getFlaggedTps();
            RecapSession s = childSessions.get(child);
            int open = openReports.entrySet().stream().filter(e -> e.getKey().startsWith(child + "."))
                    .mapToInt(Map.Entry::getValue).sum();
            rows.add(new Row(child, nameOf(child), region, nameOf(region),
                    s == null ? "belum_ada_sesi" : s.getStatus().wire(), List.of(), false, false, 0, null, null,
                    t == null ? null : t.getUpdatedAt(), open, null, tps, countedTps, flaggedTps,
                    Math.max(0, tps - countedTps - flaggedTps), s == null ? null : s.getStatus().wire(),
                    dhasil.latestVersion(type.name(), child)));
        }
        return rows;
    }

    private static String nameOf(String region) {
        if (TpsRegistry.NATIONAL.equals(region)) {
            return "Indonesia";
        }
        return Wilayah.indonesia().find(region).map(Region::name).orElse(region);
    }
}
