package id.pemilu.recap.recommendation;

import id.pemilu.recap.translog.LogEntry;
import id.pemilu.recap.translog.LoggedAggregate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A Bawaslu recommendation on a TPS or a region's recap session (recount, re-check against the paper C.Hasil,
 * repeat vote), addressed to the tier responsible for it ({@code responsibleRegion}: the kecamatan of a TPS, or the
 * region itself). Open until that tier answers with a decision and a reason; while open, that tier cannot finalize its
 * D.Hasil of the ballot. Recording and answering each add a transparency-log entry in the same document write.
 */
@Document(Recommendation.COLLECTION)
public class Recommendation extends LoggedAggregate {

    public static final String COLLECTION = "recommendations";

    @Id
    private String id;
    private String target;
    private String targetKind;
    private String ballotType;
    private RecommendationKind kind;
    private String reason;
    private String responsibleRegion;
    private String recordedBy;
    private String recordedRole;
    private Instant recordedAt;
    private String status;
    private Answer answer;

    /** The responsible tier's answer: {@code accepted} (it will act on it) or {@code rejected}, with the reason. */
    public record Answer(String decision, String reason, String by, String role, Instant at) {
    }

    Recommendation() {
    }

    static Recommendation record(String id, String target, String targetKind, String ballotType,
                                 RecommendationKind kind, String reason, String responsibleRegion, String by,
                                 String role) {
        Recommendation r = new Recommendation();
        r.id = id;
        r.target = target;
        r.targetKind = targetKind;
        r.ballotType = ballotType;
        r.kind = kind;
        r.reason = reason;
        r.responsibleRegion = responsibleRegion;
        r.recordedBy = by;
        r.recordedRole = role;
        r.recordedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        r.status = "open";
        r.appendLog(r.entry("recorded", r.recordedAt).with("actor", by).with("role", role).with("reason", reason));
        return r;
    }

    void answer(String decision, String why, String by, String role) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        answer = new Answer(decision, why, by, role, at);
        status = "answered";
        appendLog(entry("answered", at).with("decision", decision).with("actor", by).with("role", role)
                .with("reason", why));
    }

    private LogEntry entry(String action, Instant at) {
        return LogEntry.of("recommendation", "recommendation|" + id, at)
                .with("action", action)
                .with("recommendation", id)
                .with("target", target)
                .with("targetKind", targetKind)
                .with("ballot", ballotType)
                .with("recommendationKind", kind.name())
                .with("responsibleRegion", responsibleRegion);
    }

    public boolean isOpen() {
        return "open".equals(status);
    }

    public String getId() {
        return id;
    }

    public String getTarget() {
        return target;
    }

    public String getTargetKind() {
        return targetKind;
    }

    public String getBallotType() {
        return ballotType;
    }

    public RecommendationKind getKind() {
        return kind;
    }

    public String getReason() {
        return reason;
    }

    public String getResponsibleRegion() {
        return responsibleRegion;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public String getRecordedRole() {
        return recordedRole;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getStatus() {
        return status;
    }

    public Answer getAnswer() {
        return answer;
    }
}
