package id.pemilu.recap.result;

import id.pemilu.recap.registry.TpsCode;
import id.pemilu.common.ballot.BallotType;
import id.pemilu.common.events.TpsResultRecorded;
import id.pemilu.common.security.Roles;
import id.pemilu.recap.translog.LoggedAggregate;
import id.pemilu.recap.translog.LogEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The confirmed result of one ballot type at one TPS (id {@code <tpsCode>|<ballotType>}). It exists only once a
 * person confirmed numbers; machine readings stay in the submission as drafts. Every change appends to
 * {@code history}, raises {@link TpsResultRecorded} and adds its transparency-log entry in the same document write.
 * Which version the recap added to the region totals is marked outside the result (RecapApplier.MARKS), so marking
 * it does not rewrite the result.
 * Writers of one TPS result are serialised in this process (see ResultService); the document is always read and
 * written by {@code _id} only, which the embedded MongoDB serves from its index.
 */
@Document("tps_results")
public class TpsResult extends LoggedAggregate {

    @Id
    private String id;
    private String tpsCode;
    private String desaCode;
    private BallotType ballotType;
    private ResultStatus status;
    private long resultVersion;
    private List<FieldValue> values = new ArrayList<>();
    private List<Flag> flags = new ArrayList<>();
    private String source;
    private String submissionId;
    private List<PhotoRef> photos = new ArrayList<>();
    private String updatedBy;
    private Instant updatedAt;
    private String reason;
    private List<Change> history = new ArrayList<>();
    /** "key fingerprint" of each request recorded with an Idempotency-Key (keys never contain spaces). */
    private List<String> requestFingerprints = new ArrayList<>();

    TpsResult() {
    }

    public static String idOf(TpsCode tps, BallotType ballotType) {
        return tps.value() + "|" + ballotType.name();
    }

    static TpsResult empty(TpsCode tps, BallotType ballotType) {
        TpsResult result = new TpsResult();
        result.id = idOf(tps, ballotType);
        result.tpsCode = tps.value();
        result.desaCode = tps.desaCode();
        result.ballotType = ballotType;
        return result;
    }

    boolean hasIdempotencyKey(String key) {
        return key != null && history.stream().anyMatch(c -> key.equals(c.idempotencyKey()));
    }

    /** True when {@code key} was recorded with a request other than the one {@code fingerprint} stands for. */
    boolean keyUsedForAnotherRequest(String key, String fingerprint) {
        if (key == null || requestFingerprints == null) {
            return false;
        }
        String prefix = key + " ";
        return requestFingerprints.stream().anyMatch(e -> e.startsWith(prefix) && !e.equals(prefix + fingerprint));
    }

    List<String> requestFingerprints() {
        return requestFingerprints;
    }

    void rememberRequest(String key, String fingerprint) {
        if (key != null) {
            if (requestFingerprints == null) {
                requestFingerprints = new ArrayList<>();
            }
            requestFingerprints.add(key + " " + fingerprint);
        }
    }

    /** Records a new state decided by a person: numbers, the flags they fail, status, and the reason given. */
    void record(ResultStatus newStatus, Map<String, Integer> newValues, List<Flag> newFlags, String by, String role,
                String why, String idempotencyKey, String newSource, String fromSubmission, List<PhotoRef> newPhotos) {
        if (newStatus == ResultStatus.DRAFT) {
            throw new IllegalStateException("A draft is never a recorded result");
        }
        Instant now = Instant.now();
        status = newStatus;
        resultVersion++;
        values = newValues.entrySet().stream().map(e -> new FieldValue(e.getKey(), e.getValue())).toList();
        flags = List.copyOf(newFlags);
        source = newSource;
        submissionId = fromSubmission;
        if (newPhotos != null) {
            photos = List.copyOf(newPhotos);
        }
        updatedBy = by;
        updatedAt = now;
        reason = why;
        List<String> flagCodes = flags.stream().map(Flag::code).toList();
        history.add(new Change(resultVersion, status, by, role, now, why, idempotencyKey, source, values, flagCodes));
        raise(new TpsResultRecorded(UUID.randomUUID(), now, TpsResultRecorded.CURRENT_VERSION, tpsCode,
                ballotType.name(), status.wire(), resultVersion, flagCodes, source, by, why));
        appendLog(LogEntry.of("result", LogEntry.tpsSubject(tpsCode, ballotType.name()), now)
                .with("action", action(role, status))
                .with("tps", tpsCode)
                .with("desa", desaCode)
                .with("ballot", ballotType.name())
                .with("version", resultVersion)
                .with("status", status.wire())
                .with("counted", status.counted())
                .with("values", valueMap())
                .with("flags", flagCodes)
                .with("source", source)
                .with("submission", submissionId)
                .with("photos", photos.stream().map(PhotoRef::sha256).toList())
                .with("actor", by)
                .with("role", role)
                .with("reason", why));
    }

    private static String action(String role, ResultStatus status) {
        if (Roles.KPPS.equals(role)) {
            return "confirm";
        }
        return switch (status) {
            case VERIFIED -> "verify";
            case CORRECTED -> "correct";
            case FLAGGED -> "dispute";
            default -> "record";
        };
    }

    public Map<String, Integer> valueMap() {
        Map<String, Integer> map = new LinkedHashMap<>();
        values.forEach(v -> map.put(v.key(), v.value()));
        return map;
    }

    public String getId() {
        return id;
    }

    public String getTpsCode() {
        return tpsCode;
    }

    public String getDesaCode() {
        return desaCode;
    }

    public BallotType getBallotType() {
        return ballotType;
    }

    public ResultStatus getStatus() {
        return status;
    }

    public long getResultVersion() {
        return resultVersion;
    }

    public List<FieldValue> getValues() {
        return values;
    }

    public List<Flag> getFlags() {
        return flags;
    }

    public String getSource() {
        return source;
    }

    public String getSubmissionId() {
        return submissionId;
    }

    public List<PhotoRef> getPhotos() {
        return photos;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getReason() {
        return reason;
    }

    public List<Change> getHistory() {
        return history;
    }
}
