package id.pemilu.recap.session;

import id.pemilu.recap.tier.Tier;
import id.pemilu.common.events.DHasilFinalized;
import id.pemilu.common.events.DHasilReopened;
import id.pemilu.common.events.ObjectionRecorded;
import id.pemilu.common.events.RecapSessionOpened;
import id.pemilu.recap.translog.LogEntry;
import id.pemilu.recap.translog.LoggedAggregate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The recap session of one region and ballot type (id {@code <ballotType>|<regionCode>}): its status, the decisions,
 * verifications, corrections, objections and special events recorded in it, and a log of every action. One
 * document, written by id; its events go out through the outbox of the same write. {@code version} is the session
 * version (1, +1 per reopening); {@code finalizedVersion} the latest D.Hasil version (0 before the first).
 * {@code revision} is raised by every write of the document and every write is a compare-and-set on it, so replicas
 * sharing one database never overwrite each other's change (0: never stored, or stored before the field existed).
 */
@Document(RecapSession.COLLECTION)
public class RecapSession extends LoggedAggregate {

    public static final String COLLECTION = "recap_sessions";

    @Id
    private String id;
    private String ballotType;
    private String regionCode;
    private String regionName;
    private Tier tier;
    private SessionStatus status;
    private int version;
    private int finalizedVersion;
    private long revision;
    private String openedBy;
    private Instant openedAt;
    private List<TpsDecision> decisions = new ArrayList<>();
    private List<Verification> verifications = new ArrayList<>();
    private List<Correction> corrections = new ArrayList<>();
    private List<Objection> objections = new ArrayList<>();
    private List<SpecialEvent> events = new ArrayList<>();
    private List<SessionLogEntry> log = new ArrayList<>();

    RecapSession() {
    }

    static String idOf(String ballotType, String regionCode) {
        return ballotType + "|" + regionCode;
    }

    static RecapSession preparing(String ballotType, String regionCode, String regionName) {
        RecapSession s = new RecapSession();
        s.id = idOf(ballotType, regionCode);
        s.ballotType = ballotType;
        s.regionCode = regionCode;
        s.regionName = regionName;
        s.tier = Tier.of(regionCode);
        s.status = SessionStatus.PREPARING;
        s.version = 1;
        return s;
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    void open(String by, String role) {
        Instant at = now();
        status = SessionStatus.OPEN;
        openedBy = by;
        openedAt = at;
        appendLog(log(by, role, "open", "Sesi rekapitulasi dibuka"));
        raise(new RecapSessionOpened(UUID.randomUUID(), at, RecapSessionOpened.CURRENT_VERSION, regionCode,
                tier.name(), ballotType, version, by));
    }

    void decide(TpsDecision decision, String role) {
        decisions.removeIf(d -> d.tpsCode().equals(decision.tpsCode()));
        decisions.add(decision);
        appendLog(log(decision.by(), role, "decision", decision.tpsCode() + ": " + decision.decision() + " - "
                + decision.reason()));
        touch();
    }

    void verified(Verification verification, String role) {
        verifications.add(verification);
        appendLog(log(verification.by(), role, "verify", verification.tpsCode() + " versi " + verification.resultVersion()));
        touch();
    }

    void corrected(Correction correction, String role) {
        corrections.add(correction);
        appendLog(log(correction.by(), role, "correct", correction.target() + ": " + correction.reason()));
        touch();
    }

    void objected(Objection objection, String role) {
        objections.add(objection);
        appendLog(log(objection.recordedBy(), role, "objection", objection.target() + ": " + objection.claim()));
        raise(new ObjectionRecorded(UUID.randomUUID(), objection.recordedAt(), ObjectionRecorded.CURRENT_VERSION,
                regionCode, ballotType, version, objection.id(), objection.target(), objection.field(),
                objection.filedBy(), objection.represents(), objection.claim()));
        touch();
    }

    void answered(String objectionId, Answer answer, String role) {
        for (int i = 0; i < objections.size(); i++) {
            Objection o = objections.get(i);
            if (o.id().equals(objectionId)) {
                objections.set(i, o.withAnswer(answer));
            }
        }
        appendLog(log(answer.by(), role, "answer", objectionId + ": " + answer.decision() + " - " + answer.reason()));
        touch();
    }

    void eventRecorded(SpecialEvent event, String role) {
        events.add(event);
        appendLog(log(event.by(), role, "event", event.description()));
        touch();
    }

    void finalized(String by, String role, int dhasilVersion, String sha256, String documentUrl,
                   List<DHasilFinalized.Total> totals) {
        status = SessionStatus.FINALIZED;
        finalizedVersion = dhasilVersion;
        appendLog(log(by, role, "finalize", "D.Hasil versi " + dhasilVersion + " SHA-256 " + sha256)
                .subject(LogEntry.dhasilSubject(ballotType, regionCode))
                .with("dhasilVersion", dhasilVersion)
                .with("dhasilSha256", sha256)
                .with("document", documentUrl)
                .with("totals", totals.stream().collect(java.util.stream.Collectors.toMap(DHasilFinalized.Total::key,
                        DHasilFinalized.Total::value, Long::sum, java.util.LinkedHashMap::new))));
        raise(new DHasilFinalized(UUID.randomUUID(), now(), DHasilFinalized.CURRENT_VERSION, regionCode, tier.name(),
                ballotType, dhasilVersion, sha256, documentUrl, totals));
    }

    void reopened(String by, String role, String reason) {
        int reopenedVersion = finalizedVersion;
        version++;
        status = SessionStatus.REOPENED;
        appendLog(log(by, role, "reopen", "D.Hasil versi " + reopenedVersion + " dibuka kembali: " + reason));
        raise(new DHasilReopened(UUID.randomUUID(), now(), DHasilReopened.CURRENT_VERSION, regionCode, tier.name(),
                ballotType, reopenedVersion, version, by, reason));
    }

    private void touch() {
        if (status == SessionStatus.OPEN) {
            status = SessionStatus.IN_PROGRESS;
        }
    }

    /** Keeps the action in the session's own log and returns its transparency-log entry (to add fields to). */
    private LogEntry log(String by, String role, String action, String detail) {
        Instant at = now();
        log.add(new SessionLogEntry(at, by, role, action, detail, version));
        return LogEntry.of("session", "session|" + ballotType + "|" + regionCode, at)
                .with("action", action)
                .with("region", regionCode)
                .with("tier", tier.name())
                .with("ballot", ballotType)
                .with("sessionVersion", version)
                .with("actor", by)
                .with("role", role)
                .with("detail", detail);
    }

    Optional<TpsDecision> decisionFor(String tpsCode) {
        return decisions.stream().filter(d -> d.tpsCode().equals(tpsCode)).findFirst();
    }

    Optional<Objection> objection(String id) {
        return objections.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    List<Objection> unanswered() {
        return objections.stream().filter(o -> o.answer() == null).toList();
    }

    /** A TPS without a counted result and the decision taken instead (e.g. PSU = pemungutan suara ulang). */
    public record TpsDecision(String tpsCode, String decision, String reason, String by, Instant at,
                              int sessionVersion) {
    }

    /** A TPS result confirmed against the paper C.Hasil in this session. */
    public record Verification(String tpsCode, long resultVersion, String reason, String by, Instant at,
                               int sessionVersion) {
    }

    /**
     * A correction: of a TPS result (kecamatan; {@code sourceVersion} = the result version it produced) or of a child
     * region's figure (higher tiers; {@code sourceVersion} = the child D.Hasil version it applies to).
     */
    public record Correction(String id, String target, List<FieldChange> changes, String reason, String objectionId,
                             String by, Instant at, long sourceVersion, int sessionVersion) {

        /** This correction numbered as the next one of the session ({@code KR-<n>}). */
        Correction numbered(RecapSession session) {
            return new Correction("KR-" + (session.corrections.size() + 1), target, changes, reason, objectionId, by,
                    at, sourceVersion, sessionVersion);
        }
    }

    public record FieldChange(String key, long before, long after) {
    }

    /**
     * An objection (keberatan) by a witness of a party/candidate or by Panwaslu/Bawaslu.
     *
     * @param target TPS code (kecamatan session) or child region code
     * @param field  C.Hasil key it is about, or null for the whole record
     */
    public record Objection(String id, String target, String field, String filedBy, String represents, String claim,
                            String recordedBy, Instant recordedAt, int sessionVersion, Answer answer) {

        Objection withAnswer(Answer newAnswer) {
            return new Objection(id, target, field, filedBy, represents, claim, recordedBy, recordedAt,
                    sessionVersion, newAnswer);
        }
    }

    /** {@code accepted} (with the id of the correction it led to) or {@code rejected} (with the reason). */
    public record Answer(String decision, String reason, String correctionId, String by, Instant at) {
    }

    /** A special event (kejadian khusus) recorded in the session. */
    public record SpecialEvent(String id, String target, String description, String by, Instant at,
                               int sessionVersion) {
    }

    public record SessionLogEntry(Instant at, String by, String role, String action, String detail, int sessionVersion) {
    }

    public String getId() {
        return id;
    }

    public String getBallotType() {
        return ballotType;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public String getRegionName() {
        return regionName;
    }

    public Tier getTier() {
        return tier;
    }

    public SessionStatus getStatus() {
        return status;
    }

    public int getVersion() {
        return version;
    }

    public int getFinalizedVersion() {
        return finalizedVersion;
    }

    public long getRevision() {
        return revision;
    }

    void setRevision(long revision) {
        this.revision = revision;
    }

    public String getOpenedBy() {
        return openedBy;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public List<TpsDecision> getDecisions() {
        return decisions;
    }

    public List<Verification> getVerifications() {
        return verifications;
    }

    public List<Correction> getCorrections() {
        return corrections;
    }

    public List<Objection> getObjections() {
        return objections;
    }

    public List<SpecialEvent> getEvents() {
        return events;
    }

    public List<SessionLogEntry> getLog() {
        return log;
    }
}
