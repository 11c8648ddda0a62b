package id.pemilu.recap.determination;

import id.pemilu.common.events.ResultsDetermined;
import id.pemilu.recap.translog.LogEntry;
import id.pemilu.recap.translog.LoggedAggregate;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One published determination of a contest (id {@code <ballotType>|<region>|<version>}), immutable once stored: the
 * calculation exactly as published (JSON) with its SHA-256, who published it, from which numbers, and the
 * {@code ResultsDetermined} event in the same document write. A new publication is a new version.
 */
@Document("determinations")
class PublishedDetermination extends LoggedAggregate {

    @Id
    private String id;
    private String ballotType;
    private String regionCode;
    private int version;
    private String source;
    private String publishedBy;
    private String publishedRole;
    private Instant publishedAt;
    private String reason;
    private String calculation;
    private String sha256;

    PublishedDetermination() {
    }

    static String idOf(String ballotType, String regionCode, int version) {
        return ballotType + "|" + regionCode + "|" + version;
    }

    static PublishedDetermination of(Determination d, int version, String source, String username, String role,
                                     String reason, String calculation, String sha256, Instant at) {
        PublishedDetermination p = new PublishedDetermination();
        p.id = idOf(d.ballotType(), d.regionCode(), version);
        p.ballotType = d.ballotType();
        p.regionCode = d.regionCode();
        p.version = version;
        p.source = source;
        p.publishedBy = username;
        p.publishedRole = role;
        p.publishedAt = at;
        p.reason = reason;
        p.calculation = calculation;
        p.sha256 = sha256;
        p.raise(new ResultsDetermined(UUID.randomUUID(), at, ResultsDetermined.CURRENT_VERSION, d.ballotType(),
                d.regionCode(), version, d.status(), source, sha256, username,
                d.elected().stream().map(e -> new ResultsDetermined.Elected(e.dapilCode(), e.partyId(), e.id(),
                        e.name(), e.votes())).toList(),
                d.secondRound() == null ? List.of() : d.secondRound()));
        p.appendLog(LogEntry.of("determination", "determination|" + d.ballotType() + "|" + d.regionCode(), at)
                .with("ballot", d.ballotType())
                .with("region", d.regionCode())
                .with("version", version)
                .with("status", d.status())
                .with("calculationSha256", sha256)
                .with("actor", username)
                .with("role", role)
                .with("reason", reason));
        return p;
    }

    String getId() {
        return id;
    }

    String getBallotType() {
        return ballotType;
    }

    String getRegionCode() {
        return regionCode;
    }

    int getVersion() {
        return version;
    }

    String getSource() {
        return source;
    }

    String getPublishedBy() {
        return publishedBy;
    }

    String getPublishedRole() {
        return publishedRole;
    }

    Instant getPublishedAt() {
        return publishedAt;
    }

    String getReason() {
        return reason;
    }

    String getCalculation() {
        return calculation;
    }

    String getSha256() {
        return sha256;
    }
}
