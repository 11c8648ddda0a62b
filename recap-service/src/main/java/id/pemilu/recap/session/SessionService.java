package id.pemilu.recap.session;

import id.pemilu.recap.tier.Tier;
import id.pemilu.common.events.DHasilFinalized;
import id.pemilu.common.outbox.OutboxRelay;
import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;
import id.pemilu.common.domain.DomainException;
import id.pemilu.common.wilayah.Region;
import id.pemilu.common.wilayah.Wilayah;
import id.pemilu.recap.dhasil.DHasil;
import id.pemilu.recap.dhasil.DHasilService;
import id.pemilu.recap.dhasil.Packed;
import id.pemilu.recap.recap.Entry;
import id.pemilu.recap.recap.RecapApplier;
import id.pemilu.recap.recommendation.Recommendation;
import id.pemilu.recap.recommendation.RecommendationService;
import id.pemilu.recap.recap.RegionTotal;
import id.pemilu.recap.registry.Station;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.recap.ballot.BallotStructure;
import id.pemilu.common.ballot.BallotType;
import id.pemilu.recap.result.FieldValue;
import id.pemilu.recap.result.Flag;
import id.pemilu.recap.result.ResultChecks;
import id.pemilu.recap.result.ResultService;
import id.pemilu.recap.result.ResultStatus;
import id.pemilu.recap.result.ReviewCommand;
import id.pemilu.recap.registry.TpsCode;
import id.pemilu.recap.result.TpsLimits;
import id.pemilu.recap.result.TpsResult;
import id.pemilu.recap.storage.DurableWrites;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The rekapitulasi berjenjang: sessions per (region, ballot type) at kecamatan (PPK), kab/kota, provinsi and national
 * (KPU) tier; their actions; and the D.Hasil each finalization issues. A kecamatan session works on the TPS results
 * (verify/correct go through {@link ResultService#review}, so the arithmetic checks and the result history apply);
 * a higher tier works on its children's finalized D.Hasil, never on live data.
 */
@Service
public class SessionService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SessionService.class);

    private static final Set<String> AGGREGATE_CHECKS = Set.of(ResultChecks.GENDER_SUM, ResultChecks.REGISTERED_SUM,
            ResultChecks.VOTED_SUM, ResultChecks.VOTED_OVER_DPT, ResultChecks.VOTES_SUM,
            ResultChecks.VALID_PLUS_INVALID, ResultChecks.TOTAL_VS_VOTERS, ResultChecks.TOTAL_VS_BALLOTS_USED,
            ResultChecks.BALLOTS_BALANCE);

    private static final String REGION_TOTALS = "region_totals";

    private final MongoTemplate mongo;
    private final SessionAccess access;
    private final TpsRegistry registry;
    private final ResultService results;
    private final RecapApplier applier;
    private final DHasilService dhasil;
    private final DurableWrites durable;
    private final ObjectProvider<OutboxRelay> relay;
    private final String publicBaseUrl;
    private final RecommendationService recommendations;
    private final Object[] locks = new Object[256];

    SessionService(MongoTemplate mongo, SessionAccess access, TpsRegistry registry, ResultService results,
                   RecapApplier applier, DHasilService dhasil, DurableWrites durable, ObjectProvider<OutboxRelay> relay,
                   @Value("${pemilu.recap.public-base-url:http://localhost:8080}") String publicBaseUrl,
                   RecommendationService recommendations) {
        this.recommendations = recommendations;
        this.mongo = mongo;
        this.access = access;
        this.registry = registry;
        this.results = results;
        this.applier = applier;
        this.dhasil = dhasil;
        this.durable = durable;
        this.relay = relay;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** Public URL of a D.Hasil version (JSON); {@code /pdf} and {@code /verify} below it. */
    public String documentUrl(String ballotType, String region, int version) {
        return publicBaseUrl + "/api/recap/public/dhasil/" + ballotType + "/" + region + "/versions/" + version;
    }

    public Optional<RecapSession> find(BallotType type, String region) {
        return Optional.ofNullable(mongo.findById(RecapSession.idOf(type.name(), region), RecapSession.class));
    }

    public RecapSession get(Caller caller, BallotType type, String region) {
        Tier.of(region);
        access.requireRead(caller, region);
        return find(type, region).orElseThrow(() -> DomainException.notFound("Belum ada sesi rekapitulasi "
                + type.name() + " untuk wilayah " + region + "."));
    }

    /** A decision for a TPS without a counted result (possible before the session opens, e.g. PSU scheduled). */
    public RecapSession decide(Caller caller, BallotType type, String region, Commands.Decide command) {
        Tier tier = Tier.of(region);
        if (tier != Tier.KECAMATAN) {
            throw DomainException.invalid("Keputusan per TPS dicatat dalam sesi PPK (kecamatan).");
        }
        String role = access.requireOfficer(caller, tier, region);
        TpsCode tps = tpsIn(region, command.tpsCode());
        String decision = required(command.decision(), 2, "Keputusan (mis. PSU) wajib diisi.");
        String reason = required(command.reason(), 5, "Keputusan untuk TPS wajib disertai alasan tertulis.");
        synchronized (lock(type, region)) {
            RecapSession s = find(type, region).orElseGet(() -> RecapSession.preparing(type.name(), region,
                    regionName(region)));
            if (s.getStatus() == SessionStatus.FINALIZED) {
                throw finalizedProblem(s);
            }
            s.decide(new RecapSession.TpsDecision(tps.value(), decision.toUpperCase(java.util.Locale.ROOT), reason,
                    caller.username(), RecapSession.now(), s.getVersion()), role);
            return save(s);
        }
    }

    public RecapSession open(Caller caller, BallotType type, String region) {
        Tier tier = Tier.of(region);
        String role = access.requireOfficer(caller, tier, region);
        synchronized (lock(type, region)) {
            RecapSession s = find(type, region).orElseGet(() -> RecapSession.preparing(type.name(), region,
                    regionName(region)));
            if (s.getStatus() != SessionStatus.PREPARING) {
                throw DomainException.conflict("Sesi rekapitulasi " + region + " sudah dibuka (status "
                        + s.getStatus().wire() + ").");
            }
            List<String> notReady = tier == Tier.KECAMATAN ? tpsNotReady(s, type) : childrenNotFinal(type, region);
            if (!notReady.isEmpty()) {
                throw notReady("Sesi belum dapat dibuka", tier == Tier.KECAMATAN
                        ? "Setiap TPS harus punya hasil yang dihitung atau keputusan tercatat (mis. PSU) dengan alasan."
                        : "Setiap wilayah di bawahnya harus sudah menetapkan D.Hasil.", notReady);
            }
            s.open(caller.username(), role);
            return save(s);
        }
    }

    public RecapSession verify(Caller caller, BallotType type, String region, String tpsCode, Commands.Verify command) {
        Tier tier = Tier.of(region);
        String role = access.requireOfficer(caller, tier, region);
        if (tier != Tier.KECAMATAN) {
            throw DomainException.invalid("Verifikasi hasil TPS dilakukan dalam sesi PPK (kecamatan).");
        }
        TpsCode tps = tpsIn(region, tpsCode);
        synchronized (lock(type, region)) {
            RecapSession s = active(type, region);
            TpsResult r = results.review(caller, tps, type, new ReviewCommand("verified", null,
                    command == null ? null : command.reason()), null);
            return saveRetrying(type, region, s, x -> x.verified(new RecapSession.Verification(tps.value(),
                    r.getResultVersion(), r.getReason(), caller.username(), RecapSession.now(), x.getVersion()), role));
        }
    }

    public RecapSession correct(Caller caller, BallotType type, String region, Commands.Correct command) {
        Tier tier = Tier.of(region);
        String role = access.requireOfficer(caller, tier, region);
        synchronized (lock(type, region)) {
            RecapSession s = active(type, region);
            RecapSession.Correction c = correction(caller, type, s, command, null);
            return saveRetrying(type, region, s, x -> x.corrected(c.numbered(x), role));
        }
    }

    public RecapSession object(Caller caller, BallotType type, String region, Commands.FileObjection command) {
        Tier tier = Tier.of(region);
        String role = access.requireObjector(caller, tier, region);
        String claim = required(command.claim(), 5, "Isi keberatan wajib diisi.");
        String target = targetIn(tier, region, command.target());
        String field = command.field() == null || command.field().isBlank() ? null
                : new FieldValue(command.field().trim(), 0).key();
        String filedBy;
        String represents;
        if (Roles.SAKSI.equals(role)) {
            filedBy = command.filedBy() == null || command.filedBy().isBlank() ? caller.username() : command.filedBy();
            represents = "partai:" + caller.partyId();
        } else if (Roles.BAWASLU.equals(role)) {
            filedBy = command.filedBy() == null || command.filedBy().isBlank() ? caller.username() : command.filedBy();
            represents = "panwaslu";
        } else {
            filedBy = required(command.filedBy(), 2, "Nama saksi atau pengawas yang mengajukan keberatan wajib diisi.");
            represents = required(command.represents(), 2,
                    "Sebutkan partai/calon yang diwakili saksi, atau 'panwaslu'.");
        }
        synchronized (lock(type, region)) {
            return saveRetrying(type, region, active(type, region), x -> x.objected(new RecapSession.Objection("K-"
                    + (x.getObjections().size() + 1), target, field, filedBy.trim(), represents.trim(), claim,
                    caller.username(), RecapSession.now(), x.getVersion(), null), role));
        }
    }

    public RecapSession answer(Caller caller, BallotType type, String region, String objectionId,
                               Commands.Answer command) {
        Tier tier = Tier.of(region);
        String role = access.requireOfficer(caller, tier, region);
        String reason = required(command.reason(), 5, "Jawaban atas keberatan wajib disertai alasan tertulis.");
        synchronized (lock(type, region)) {
            RecapSession s = active(type, region);
            RecapSession.Objection objection = s.objection(objectionId)
                    .orElseThrow(() -> DomainException.notFound("Keberatan " + objectionId
                            + " tidak ada dalam sesi ini."));
            if (objection.answer() != null) {
                throw DomainException.conflict("Keberatan " + objectionId + " sudah dijawab.");
            }
            String decision = command.decision() == null ? "" : command.decision().trim();
            RecapSession.Correction correction = null;
            if (decision.equals("accepted")) {
                if (command.values() == null || command.values().isEmpty()) {
                    throw DomainException.invalid("Keberatan yang diterima wajib disertai angka perbaikannya.");
                }
                correction = correction(caller, type, s,
                        new Commands.Correct(objection.target(), command.values(), reason), objectionId);
            } else if (!decision.equals("rejected")) {
                throw DomainException.invalid("Jawaban keberatan harus accepted atau rejected.");
            }
            RecapSession.Correction linked = correction;
            return saveRetrying(type, region, s, x -> {
                if (x.objection(objectionId).map(o -> o.answer() != null).orElse(true)) {
                    throw DomainException.conflict("Keberatan " + objectionId + " sudah dijawab.");
                }
                String correctionId = null;
                if (linked != null) {
                    RecapSession.Correction c = linked.numbered(x);
                    x.corrected(c, role);
                    correctionId = c.id();
                }
                x.answered(objectionId, new RecapSession.Answer(decision, reason, correctionId, caller.username(),
                        RecapSession.now()), role);
            });
        }
    }

    public RecapSession recordEvent(Caller caller, BallotType type, String region, Commands.Event command) {
        Tier tier = Tier.of(region);
        String role = access.requireOfficer(caller, tier, region);
        String description = required(command.description(), 5, "Uraian kejadian khusus wajib diisi.");
        String target = command.target() == null || command.target().isBlank() ? null
                : targetIn(tier, region, command.target());
        synchronized (lock(type, region)) {
            return saveRetrying(type, region, active(type, region), x -> x.eventRecorded(new RecapSession.SpecialEvent(
                    "KK-" + (x.getEvents().size() + 1), target, description, caller.username(), RecapSession.now(),
                    x.getVersion()), role));
        }
    }

    /**
     * Ends the session with a signed D.Hasil; refused while a TPS/child is not settled or an objection is open.
     *
     * <p>Safe for several replicas on one database without any lock between them: the finalization first claims the
     * session (a compare-and-set raising its revision), so of two finalizations started from the same state only one
     * claims it and the other is refused before it writes anything. A finalization overtaken by a later claim (it
     * claimed first, but another one claimed after it) loses at its session write (a compare-and-set on its claim)
     * and removes its own document; its D.Hasil was never announced. So exactly one D.Hasil, one
     * {@code DHasilFinalized} event and one log entry per session version.
     */
    public DHasil finalizeSession(Caller caller, BallotType type, String region) {
        Tier tier = Tier.of(region);
        String role = access.requireOfficer(caller, tier, region);
        synchronized (lock(type, region)) {
            RecapSession s = active(type, region);
            long claim = claim(s);
            List<String> notReady = new ArrayList<>();
            for (RecapSession.Objection o : s.unanswered()) {
                notReady.add("Keberatan " + o.id() + " (" + o.target() + ") belum dijawab");
            }
            for (Recommendation r : recommendations.openFor(type.name(), region)) {
                notReady.add("Rekomendasi Bawaslu " + r.getId() + " (" + r.getTarget() + ", "
                        + r.getKind().label().toLowerCase(java.util.Locale.ROOT) + ") belum dijawab");
            }
            DHasil draft = tier == Tier.KECAMATAN ? kecamatanDraft(s, type, caller, role, notReady)
                    : higherDraft(s, type, caller, role, notReady);
            if (!notReady.isEmpty()) {
                throw notReady("D.Hasil belum dapat ditetapkan", "Selesaikan dahulu hal berikut.", notReady);
            }
            // a document of this session version left by a finalization that crashed before its session write (or
            // that a later claim overtook) was never announced: it is replaced (see DHasilService#issue)
            DHasil issued = dhasil.issue(draft, claim);
            List<DHasilFinalized.Total> totals = new ArrayList<>();
            long[] sum = issued.totalNumbers();
            for (int i = 0; i < sum.length; i++) {
                totals.add(new DHasilFinalized.Total(issued.getKeys().get(i), sum[i]));
            }
            s.finalized(caller.username(), role, issued.getVersion(), issued.getSha256(),
                    documentUrl(type.name(), region, issued.getVersion()), totals);
            try {
                save(s);
            } catch (SessionChanged overtaken) {
                dhasil.withdraw(issued, claim);
                throw DomainException.conflict("D.Hasil " + region + " tidak diterbitkan: sesi diubah atau "
                        + "ditetapkan oleh petugas lain selama penetapan ini. Muat ulang sesi lalu periksa kembali.");
            }
            // not awaited on its own: the next commit takes it, and after a crash the check on start writes it again
            dhasil.announce(type.name(), region, issued.getVersion(), issued.getSha256());
            return issued;
        }
    }

    public RecapSession reopen(Caller caller, BallotType type, String region, Commands.Reopen command) {
        Tier tier = Tier.of(region);
        String role = access.requireReopener(caller, tier, region);
        String reason = required(command == null ? null : command.reason(), 5,
                "Pembukaan kembali wajib disertai alasan (mis. rekomendasi Bawaslu).");
        synchronized (lock(type, region)) {
            RecapSession s = find(type, region).orElseThrow(() -> DomainException.notFound(
                    "Belum ada sesi rekapitulasi untuk wilayah " + region + "."));
            if (s.getStatus() != SessionStatus.FINALIZED) {
                throw DomainException.conflict(
                        "Hanya sesi yang D.Hasil-nya sudah ditetapkan yang dapat dibuka kembali.");
            }
            s.reopened(caller.username(), role, reason);
            return save(s);
        }
    }

    /** What blocks opening or finalizing the session now (nothing is changed; the screens show it before acting). */
    public record Readiness(String regionCode, String ballotType, String status, boolean exists, boolean canOpen,
                            List<String> openBlockers, boolean canFinalize, List<String> finalizeBlockers) {
    }

    public Readiness readiness(Caller caller, BallotType type, String region) {
        Tier tier = Tier.of(region);
        access.requireRead(caller, region);
        Optional<RecapSession> stored = find(type, region);
        RecapSession s = stored.orElseGet(() -> RecapSession.preparing(type.name(), region, regionName(region)));
        List<String> unsettled = tier == Tier.KECAMATAN ? tpsNotReady(s, type) : childrenNotFinal(type, region);
        List<String> openBlockers = s.getStatus() == SessionStatus.PREPARING ? unsettled : List.of();
        List<String> finalizeBlockers = new ArrayList<>();
        if (s.getStatus().acceptsActions()) {
            for (RecapSession.Objection o : s.unanswered()) {
                finalizeBlockers.add("Keberatan " + o.id() + " (" + o.target() + ") belum dijawab");
            }
            finalizeBlockers.addAll(unsettled);
        }
        return new Readiness(region, type.name(), s.getStatus().wire(), stored.isPresent(),
                s.getStatus() == SessionStatus.PREPARING && unsettled.isEmpty(), cap(openBlockers),
                s.getStatus().acceptsActions() && finalizeBlockers.isEmpty(), cap(finalizeBlockers));
    }

    private static List<String> cap(List<String> items) {
        return items.size() > 200 ? List.copyOf(items.subList(0, 200)) : items;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private DHasil kecamatanDraft(RecapSession s, BallotType type, Caller caller, String role, List<String> notReady) {
        applier.applyPending();
        List<String> desaCodes = new ArrayList<>(registry.desaUnder(s.getRegionCode()));
        Map<String, Entry> byTps = entriesOf(type, desaCodes);
        notReady.addAll(tpsNotReady(s, type, byTps, desaCodes));
        List<String> keyList = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        Map<String, Map<String, Integer>> numbersByTps = new HashMap<>();
        byTps.values().stream().filter(e -> e.status().counted()).forEach(e -> {
            Map<String, Integer> n = numbers(e);
            numbersByTps.put(e.tpsCode(), n);
            keys.addAll(n.keySet());
        });
        keyList.addAll(keys);
        List<DHasil.Row> rows = new ArrayList<>();
        for (String desa : desaCodes) {
            for (Station station : registry.stationsOf(desa)) {
                String code = station.code().value();
                Entry e = byTps.get(code);
                Optional<RecapSession.TpsDecision> decision = s.decisionFor(code);
                boolean counted = e != null && e.status().counted();
                if (!counted && decision.isPresent()) {
                    rows.add(new DHasil.Row(code, "TPS " + code.substring(14), desa, "tps_result",
                            e == null ? 0 : e.resultVersion(), e == null ? "none" : e.status().wire(),
                            decision.get().decision(), ""));
                } else if (counted) {
                    rows.add(new DHasil.Row(code, "TPS " + code.substring(14), desa, "tps_result",
                            e.resultVersion(), e.status().wire(), null, pack(keyList, numbersByTps.get(code))));
                }
            }
        }
        return draft(s, type, caller, role, keyList, rows);
    }

    private DHasil higherDraft(RecapSession s, BallotType type, Caller caller, String role, List<String> notReady) {
        notReady.addAll(childrenNotFinal(type, s.getRegionCode()));
        List<String> children = new ArrayList<>(registry.childrenOf(s.getRegionCode()));
        List<DHasilService.Summary> childDocs = dhasil.latestSummariesOf(type.name(), children);
        Set<String> keys = new LinkedHashSet<>();
        childDocs.forEach(d -> keys.addAll(d.keys()));
        List<String> keyList = new ArrayList<>(keys);
        List<DHasil.Row> rows = new ArrayList<>();
        for (DHasilService.Summary child : childDocs) {
            Map<String, Long> used = usedFigures(s, child);
            rows.add(new DHasil.Row(child.regionCode(), child.regionName(), null, "dhasil", child.version(),
                    "final", null, pack(keyList, used)));
        }
        return draft(s, type, caller, role, keyList, rows);
    }

    private DHasil draft(RecapSession s, BallotType type, Caller caller, String role, List<String> keys,
                         List<DHasil.Row> rows) {
        String previous = s.getFinalizedVersion() == 0 ? null
                : dhasil.find(type.name(), s.getRegionCode(), s.getFinalizedVersion()).map(DHasil::getSha256)
                .orElse(null);
        List<DHasil.Decision> decisions = s.getDecisions().stream().map(d -> new DHasil.Decision(d.tpsCode(),
                d.decision(), d.reason(), d.by(), d.at())).toList();
        List<DHasil.Correction> corrections = new ArrayList<>();
        for (RecapSession.Correction c : s.getCorrections()) {
            for (RecapSession.FieldChange f : c.changes()) {
                corrections.add(new DHasil.Correction(c.id(), c.target(), f.key(), f.before(), f.after(), c.reason(),
                        c.objectionId(), c.by(), c.at()));
            }
        }
        List<DHasil.Objection> objections = s.getObjections().stream().map(o -> new DHasil.Objection(o.id(),
                o.target(), o.field(), o.filedBy(), o.represents(), o.claim(), o.recordedBy(), o.recordedAt(),
                o.answer() == null ? null : o.answer().decision(), o.answer() == null ? null : o.answer().reason(),
                o.answer() == null ? null : o.answer().correctionId(), o.answer() == null ? null : o.answer().by(),
                o.answer() == null ? null : o.answer().at())).toList();
        List<DHasil.Event> events = s.getEvents().stream().map(e -> new DHasil.Event(e.id(), e.target(),
                e.description(), e.by(), e.at())).toList();
        int version = s.getVersion();
        return DHasil.draft(type.name(), s.getRegionCode(), s.getRegionName(), s.getTier().name(), version, previous,
                keys, rows, decisions, corrections, objections, events, caller.username(), role, RecapSession.now());
    }

    /** A child's D.Hasil total with this session's corrections for that very child version applied. */
    private static Map<String, Long> usedFigures(RecapSession s, DHasilService.Summary child) {
        Map<String, Long> used = new LinkedHashMap<>();
        long[] total = child.total();
        for (int i = 0; i < total.length; i++) {
            used.put(child.keys().get(i), total[i]);
        }
        for (RecapSession.Correction c : s.getCorrections()) {
            if (c.target().equals(child.regionCode()) && c.sourceVersion() == child.version()) {
                c.changes().forEach(f -> used.put(f.key(), f.after()));
            }
        }
        return used;
    }

    private RecapSession.Correction correction(Caller caller, BallotType type, RecapSession s, Commands.Correct command,
                                               String objectionId) {
        String reason = required(command.reason(), 5, "Koreksi wajib disertai alasan tertulis.");
        if (command.values() == null || command.values().isEmpty()) {
            throw DomainException.invalid("Koreksi wajib berisi angka yang diperbaiki.");
        }
        String id = "KR-" + (s.getCorrections().size() + 1);
        if (s.getTier() == Tier.KECAMATAN) {
            TpsCode tps = tpsIn(s.getRegionCode(), command.target());
            Map<String, Integer> before = results.find(tps, type).map(TpsResult::valueMap).orElseThrow(() ->
                    DomainException.notFound("Belum ada hasil untuk TPS " + tps + "; catat keputusan (mis. PSU)."));
            TpsResult after = results.review(caller, tps, type, new ReviewCommand("corrected", command.values(),
                    reason), null);
            List<RecapSession.FieldChange> changes = new ArrayList<>();
            after.valueMap().forEach((k, v) -> {
                Integer old = before.get(k);
                if (old == null || !old.equals(v)) {
                    changes.add(new RecapSession.FieldChange(k, old == null ? 0 : old, v));
                }
            });
            return new RecapSession.Correction(id, tps.value(), changes, reason, objectionId, caller.username(),
                    RecapSession.now(), after.getResultVersion(), s.getVersion());
        }
        String child = targetIn(s.getTier(), s.getRegionCode(), command.target());
        DHasil childDoc = dhasil.latest(type.name(), child).orElseThrow(() -> DomainException.conflict("Wilayah "
                + child + " belum menetapkan D.Hasil."));
        Map<String, Long> used = usedFigures(s, DHasilService.Summary.of(childDoc));
        Map<String, Long> updated = new LinkedHashMap<>(used);
        for (FieldValue v : command.values()) {
            if (!used.containsKey(v.key())) {
                throw DomainException.invalid("Kolom " + v.key() + " tidak ada dalam D.Hasil " + child + ".");
            }
            if (v.value() == null || v.value() < 0) {
                throw DomainException.invalid("Angka koreksi tidak boleh kosong atau negatif: " + v.key());
            }
            updated.put(v.key(), (long) v.value());
        }
        List<Flag> flags = aggregateChecks(updated);
        if (!flags.isEmpty()) {
            throw new DomainException(DomainException.Kind.RULES_FAILED, "Angka tidak lolos pemeriksaan",
                    "Koreksi angka " + child + " tidak lolos pemeriksaan aritmetika.", Map.of("flags", flags.stream()
                    .map(f -> Map.of("code", f.code(), "message", f.message())).toList()));
        }
        List<RecapSession.FieldChange> changes = new ArrayList<>();
        updated.forEach((k, v) -> {
            if (!v.equals(used.get(k))) {
                changes.add(new RecapSession.FieldChange(k, used.get(k), v));
            }
        });
        return new RecapSession.Correction(id, child, changes, reason, objectionId, caller.username(),
                RecapSession.now(), childDoc.getVersion(), s.getVersion());
    }

    /** The sum checks of the C.Hasil form applied to a region's figures (per-TPS limits do not apply). */
    static List<Flag> aggregateChecks(Map<String, Long> figures) {
        Map<String, Integer> values = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : figures.entrySet()) {
            if (e.getValue() > Integer.MAX_VALUE) {
                return List.of();
            }
            values.put(e.getKey(), e.getValue().intValue());
        }
        List<String> voteKeys = values.keySet().stream().filter(k -> k.startsWith("votes.")
                && !k.equals("votes.valid") && !k.equals("votes.invalid") && !k.equals("votes.total")
                && !k.startsWith("votes.parties.") && !k.endsWith(".candidates") && !k.endsWith(".total")).toList();
        if (voteKeys.isEmpty()) {
            return List.of();
        }
        BallotStructure structure = new BallotStructure(voteKeys, "calon/partai");
        return ResultChecks.check(values, structure, new TpsLimits(0, 1000, 2, 2)).stream()
                .filter(f -> AGGREGATE_CHECKS.contains(f.code())).toList();
    }

    /**
     * The TPS results of a kecamatan as the recap holds them: the desa totals keep per TPS the result version they
     * contain and its numbers (packed), which is far cheaper to read than every result document. Anything recorded
     * but not yet applied must be applied first (callers do), so this is never behind the results.
     */
    private Map<String, Entry> entriesOf(BallotType type, List<String> desaCodes) {
        Map<String, Entry> byTps = new HashMap<>();
        List<String> ids = desaCodes.stream().map(d -> RegionTotal.idOf(type.name(), d)).toList();
        for (int from = 0; from < ids.size(); from += 500) {
            // raw documents, entries only: the desa sums and the object mapping are not needed here
            Query query = new Query(Criteria.where("_id").in(ids.subList(from, Math.min(ids.size(), from + 500))));
            query.fields().include("entries");
            for (Document desa : mongo.find(query, Document.class, REGION_TOTALS)) {
                for (Document e : desa.getList("entries", Document.class, List.of())) {
                    Entry entry = new Entry(e.getString("tpsCode"), ((Number) e.get("resultVersion")).longValue(),
                            ResultStatus.valueOf(e.getString("status")), e.getString("numbers"));
                    byTps.put(entry.tpsCode(), entry);
                }
            }
        }
        return byTps;
    }

    /** An entry's numbers in form order (parsed from its packed {@code key=value,...}). */
    private static Map<String, Integer> numbers(Entry e) {
        Map<String, Integer> out = new LinkedHashMap<>();
        String packed = e.numbers();
        if (packed == null || packed.isEmpty()) {
            return out;
        }
        int from = 0;
        while (from < packed.length()) {
            int comma = packed.indexOf(',', from);
            int end = comma < 0 ? packed.length() : comma;
            int eq = packed.indexOf('=', from);
            out.put(packed.substring(from, eq), Integer.parseInt(packed, eq + 1, end, 10));
            from = end + 1;
        }
        return out;
    }

    /**
     * The readiness check on opening. A desa whose total counts as many TPS as the registry lists for it is ready
     * without reading its entries (read with a projection: only the counts); the entries are read only for the
     * other desa. Finalizing checks every TPS again from the entries it reads anyway.
     */
    private List<String> tpsNotReady(RecapSession s, BallotType type) {
        applier.applyPending();
        List<String> desaCodes = new ArrayList<>(registry.desaUnder(s.getRegionCode()));
        List<String> incomplete = new ArrayList<>();
        for (int from = 0; from < desaCodes.size(); from += 500) {
            List<String> part = desaCodes.subList(from, Math.min(desaCodes.size(), from + 500));
            Query query = new Query(Criteria.where("_id").in(part.stream().map(d -> RegionTotal.idOf(type.name(), d))
                    .toList()));
            query.fields().include("regionCode", "countedTps");
            Map<String, Integer> counted = new HashMap<>();
            for (Document desa : mongo.find(query, Document.class, REGION_TOTALS)) {
                counted.put(desa.getString("regionCode"), desa.getInteger("countedTps", 0));
            }
            for (String desa : part) {
                if (counted.getOrDefault(desa, 0) != registry.tpsTotal(desa)) {
                    incomplete.add(desa);
                }
            }
        }
        return tpsNotReady(s, type, entriesOf(type, incomplete), incomplete);
    }

    private List<String> tpsNotReady(RecapSession s, BallotType type, Map<String, Entry> byTps,
                                     List<String> desaCodes) {
        List<String> out = new ArrayList<>();
        if (registry.tpsTotal(s.getRegionCode()) == 0) {
            out.add("Tidak ada TPS terdaftar di wilayah " + s.getRegionCode());
        }
        for (String desa : desaCodes) {
            for (Station station : registry.stationsOf(desa)) {
                String code = station.code().value();
                if (s.decisionFor(code).isPresent()) {
                    continue;
                }
                Entry e = byTps.get(code);
                if (e == null) {
                    out.add("TPS " + code + ": belum ada hasil dan belum ada keputusan");
                } else if (e.status() == ResultStatus.FLAGGED) {
                    List<Flag> flags = results.find(station.code(), type).map(TpsResult::getFlags).orElse(List.of());
                    boolean disputed = flags.stream().anyMatch(f -> f.code().equals(ResultService.DISPUTED));
                    out.add("TPS " + code + ": hasil " + (disputed ? "dipersoalkan" : "ditandai") + " ("
                            + String.join(", ", flags.stream().map(Flag::code).toList())
                            + ") dan belum ada keputusan");
                }
            }
        }
        return out;
    }

    private List<String> childrenNotFinal(BallotType type, String region) {
        List<String> out = new ArrayList<>();
        List<String> children = new ArrayList<>(registry.childrenOf(region));
        if (children.isEmpty()) {
            out.add("Tidak ada wilayah dengan TPS di bawah " + region);
        }
        List<String> ids = children.stream().map(c -> RecapSession.idOf(type.name(), c)).toList();
        Map<String, RecapSession> sessions = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            mongo.find(new Query(Criteria.where("_id").in(ids.subList(from, Math.min(ids.size(), from + 500)))),
                    RecapSession.class).forEach(x -> sessions.put(x.getRegionCode(), x));
        }
        for (String child : children) {
            RecapSession cs = sessions.get(child);
            if (cs == null || cs.getStatus() != SessionStatus.FINALIZED) {
                out.add(Tier.of(child).label() + " " + child + " (" + regionName(child) + "): D.Hasil belum ditetapkan"
                        + (cs == null ? "" : " (sesi " + cs.getStatus().wire() + ")"));
            }
        }
        return out;
    }

    private RecapSession active(BallotType type, String region) {
        RecapSession s = find(type, region).orElseThrow(() -> DomainException.conflict("Sesi rekapitulasi " + region
                + " belum dibuka."));
        if (s.getStatus() == SessionStatus.FINALIZED) {
            throw finalizedProblem(s);
        }
        if (!s.getStatus().acceptsActions()) {
            throw DomainException.conflict("Sesi rekapitulasi " + region + " belum dibuka.");
        }
        return s;
    }

    private static DomainException finalizedProblem(RecapSession s) {
        Tier above = s.getTier().above();
        return DomainException.conflict("D.Hasil " + s.getRegionCode() + " sudah ditetapkan (versi "
                + s.getFinalizedVersion() + "); perubahan hanya setelah dibuka kembali oleh "
                + (above == null ? "KPU RI" : above.officerLabel() + " atau KPU RI") + ".");
    }

    private static DomainException notReady(String title, String detail, List<String> items) {
        return new DomainException(DomainException.Kind.CONFLICT, title, detail + " Belum siap: " + items.size() + ".",
                Map.of("notReady", items.size() > 200 ? items.subList(0, 200) : items));
    }

    private TpsCode tpsIn(String kecamatan, String tpsCode) {
        TpsCode tps = new TpsCode(tpsCode == null ? "" : tpsCode.trim());
        if (!tps.value().startsWith(kecamatan + ".") || registry.find(tps).isEmpty()) {
            throw DomainException.invalid("TPS " + tps + " tidak terdaftar di kecamatan " + kecamatan + ".");
        }
        return tps;
    }

    private String targetIn(Tier tier, String region, String target) {
        if (tier == Tier.KECAMATAN) {
            return tpsIn(region, target).value();
        }
        String child = target == null ? "" : target.trim();
        if (!registry.childrenOf(region).contains(child)) {
            throw DomainException.invalid("Wilayah " + child + " bukan bagian langsung dari " + region + ".");
        }
        return child;
    }

    private static String regionName(String region) {
        if (TpsRegistry.NATIONAL.equals(region)) {
            return "Indonesia";
        }
        return Wilayah.indonesia().find(region).map(Region::name).orElse(region);
    }

    private static String required(String text, int min, String message) {
        String t = text == null ? "" : text.trim();
        if (t.length() < min) {
            throw DomainException.invalid(message);
        }
        return t;
    }

    /** The numbers of {@code values} in the order of {@code keys} (0 for a missing key), packed. */
    private static String pack(List<String> keys, Map<String, ? extends Number> values) {
        long[] n = new long[keys.size()];
        for (int i = 0; i < n.length; i++) {
            Number v = values.get(keys.get(i));
            n[i] = v == null ? 0 : v.longValue();
        }
        return Packed.pack(n);
    }

    private Object lock(BallotType type, String region) {
        return locks[Math.floorMod(RecapSession.idOf(type.name(), region).hashCode(), locks.length)];
    }

    /**
     * Writes the session if it is still the revision it was read at (compare-and-set; a session never stored is
     * inserted, a second insert fails). One document write: the session, its events and its log entries.
     */
    private RecapSession save(RecapSession s) {
        long read = s.getRevision();
        s.setRevision(read + 1);
        boolean written;
        if (read == 0) {
            try {
                mongo.insert(s);
                written = true;
            } catch (DuplicateKeyException stored) {
                written = mongo.replace(new Query(revisionIs(s.getId(), 0)), s).getMatchedCount() > 0;
            }
        } else {
            written = mongo.replace(new Query(revisionIs(s.getId(), read)), s).getMatchedCount() > 0;
        }
        if (!written) {
            s.setRevision(read);
            throw new SessionChanged(s.getRegionCode());
        }
        durable.await();
        OutboxRelay outbox = relay.getIfAvailable();
        if (outbox != null) {
            outbox.publishSoon(RecapSession.COLLECTION, s.getId());
        }
        return s;
    }

    /**
     * Claims a stored session for a finalization: raises its revision if it is still the one read (nothing else
     * changes). Returns the claimed revision; refused if another writer (a replica) changed the session meanwhile.
     */
    private long claim(RecapSession s) {
        long read = s.getRevision();
        if (mongo.updateFirst(new Query(revisionIs(s.getId(), read)), new Update().set("revision", read + 1),
                RecapSession.class).getMatchedCount() == 0) {
            throw new SessionChanged(s.getRegionCode());
        }
        s.setRevision(read + 1);
        return read + 1;
    }

    /** The session with this id at this revision (0: one stored before revisions were kept). */
    private static Criteria revisionIs(String id, long revision) {
        return revision == 0 ? Criteria.where("_id").is(id).and("revision").exists(false)
                : Criteria.where("_id").is(id).and("revision").is(revision);
    }

    /**
     * Saves a change whose effects outside the session (a TPS result reviewed) already happened: if another writer
     * changed the session meanwhile, the change is applied again to the session as stored now (still active).
     */
    private RecapSession saveRetrying(BallotType type, String region, RecapSession s,
                                      java.util.function.Consumer<RecapSession> change) {
        for (int attempt = 1; ; attempt++) {
            change.accept(s);
            try {
                return save(s);
            } catch (SessionChanged e) {
                if (attempt == 5) {
                    throw e;
                }
                s = active(type, region);
            }
        }
    }

    /** Another writer (another replica) changed the session between this writer's read and its write. */
    static final class SessionChanged extends DomainException {
        SessionChanged(String region) {
            super(Kind.CONFLICT, "Sesi diubah bersamaan", "Sesi rekapitulasi " + region + " baru saja diubah oleh "
                    + "petugas lain; muat ulang sesi lalu coba lagi.", Map.of("code", "SESSION_CHANGED"));
        }
    }
}
