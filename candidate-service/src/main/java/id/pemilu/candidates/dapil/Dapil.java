package id.pemilu.candidates.dapil;

import id.pemilu.common.events.DomainEvent;
import id.pemilu.common.outbox.OutboxAggregate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A stored electoral district and the stage of its candidate lists. Raises {@code DctFinalized} in the same document
 * write that freezes the DCT (outbox).
 */
@Document("dapil")
public class Dapil extends OutboxAggregate {

    @Id
    private String code;
    private String name;
    private ElectoralBody body;
    private String areaCode;
    private int seats;
    private List<String> regionCodes;
    private DapilStage stage = DapilStage.NOMINATION;
    private String definedBy;
    private Instant definedAt;
    private String dcsPublishedBy;
    private Instant dcsPublishedAt;
    private int dctVersion;
    private String dctFinalizedBy;
    private Instant dctFinalizedAt;
    private List<StageChange> history = new ArrayList<>();
    private List<DctVersion> dctVersions = new ArrayList<>();
    @Version
    private Long version;

    protected Dapil() {
    }

    static Dapil of(DapilDefinition definition, String definedBy, Instant at) {
        Dapil dapil = new Dapil();
        dapil.code = definition.code();
        dapil.name = definition.name();
        dapil.body = definition.body();
        dapil.areaCode = definition.areaCode();
        dapil.seats = definition.seats();
        dapil.regionCodes = List.copyOf(definition.regionCodes());
        dapil.definedBy = definedBy;
        dapil.definedAt = at;
        dapil.history.add(new StageChange(at, definedBy, "DITETAPKAN", null));
        return dapil;
    }

    public void publishDcs(String by, Instant at) {
        stage = DapilStage.DCS;
        dcsPublishedBy = by;
        dcsPublishedAt = at;
        history.add(new StageChange(at, by, "DCS_DIUMUMKAN", null));
    }

    /**
     * Freezes the DCT and raises the event carrying the ballot structure (null: none, e.g. DPD), to be saved in the
     * same write.
     */
    public void finalizeDct(String by, Instant at, List<PublishedParty> parties, DomainEvent dctFinalized) {
        stage = DapilStage.DCT;
        dctVersion++;
        dctVersions.add(new DctVersion(dctVersion, at, List.copyOf(parties)));
        dctFinalizedBy = by;
        dctFinalizedAt = at;
        history.add(new StageChange(at, by, "DCT_DITETAPKAN_V" + dctVersion, null));
        if (dctFinalized != null) {
            raise(dctFinalized);
        }
    }

    /**
     * Reopens a final DCT (for example after a Bawaslu or court decision): lists may change again under the DCS-stage
     * rules and the next finalization issues version {@code dctVersion + 1}.
     */
    public void reopenDct(String by, Instant at, String reason) {
        stage = DapilStage.DCS;
        history.add(new StageChange(at, by, "DCT_DIBUKA_KEMBALI", reason));
    }

    public DapilDefinition definition() {
        return new DapilDefinition(code, name, body, areaCode, seats, regionCodes);
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public ElectoralBody getBody() {
        return body;
    }

    public String getAreaCode() {
        return areaCode;
    }

    public int getSeats() {
        return seats;
    }

    public List<String> getRegionCodes() {
        return regionCodes;
    }

    public DapilStage getStage() {
        return stage;
    }

    public String getDefinedBy() {
        return definedBy;
    }

    public Instant getDefinedAt() {
        return definedAt;
    }

    public String getDcsPublishedBy() {
        return dcsPublishedBy;
    }

    public Instant getDcsPublishedAt() {
        return dcsPublishedAt;
    }

    /** The frozen DCT of a version, or the latest when {@code version} is null. */
    public Optional<DctVersion> dct(Integer version) {
        List<DctVersion> all = dctVersions == null ? List.of() : dctVersions;
        return all.stream().filter(v -> version == null ? v.version() == dctVersion : v.version() == version)
                .findFirst();
    }

    public List<StageChange> getHistory() {
        return history == null ? List.of() : List.copyOf(history);
    }

    public int getDctVersion() {
        return dctVersion;
    }

    public String getDctFinalizedBy() {
        return dctFinalizedBy;
    }

    public Instant getDctFinalizedAt() {
        return dctFinalizedAt;
    }
}
