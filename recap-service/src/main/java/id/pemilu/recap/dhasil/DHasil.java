package id.pemilu.recap.dhasil;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A D.Hasil: the legal recap result of one region (kecamatan, kab/kota, provinsi, or the nation {@code ID}) for one
 * ballot type, as finalized at the end of its recap session. Immutable once stored (id
 * {@code <ballotType>|<regionCode>|<version>}, inserted once, never updated). {@code sha256} is taken over
 * {@link DHasilCanonical the canonical encoding} and {@code signature} is the Ed25519 signature of that encoding.
 *
 * <p>Numbers are kept packed, in the order of {@code keys} ({@code "121,133,254,..."}), so a kecamatan's document
 * with every TPS stays small. A row is one child: a TPS (with its desa in {@code group}) for a kecamatan, a child
 * region's D.Hasil otherwise. The rows are stored as one text ({@code rowsText}, one line per row, the fields as in
 * the canonical encoding): a kecamatan has hundreds of rows, and one string costs the store one value to encode and
 * decode where a list of sub-documents costs eight per row (the national cascade writes 823,228 rows). Documents
 * stored earlier with a {@code rows} list are still read.
 */
@Document(DHasil.COLLECTION)
public class DHasil {

    public static final String COLLECTION = "dhasil";

    @Id
    private String id;
    private String ballotType;
    private String regionCode;
    private String regionName;
    private String tier;
    private int version;
    private String previousSha256;
    private List<String> keys = new ArrayList<>();
    @Transient
    private List<Row> rows;
    private String rowsText;
    /** Rows of documents stored before {@code rowsText} (read only). */
    @Field("rows")
    private List<Row> storedRows;
    private String total;
    private List<Decision> decisions = new ArrayList<>();
    private List<Correction> corrections = new ArrayList<>();
    private List<Objection> objections = new ArrayList<>();
    private List<Event> events = new ArrayList<>();
    private String finalizedBy;
    private String finalizedRole;
    private Instant finalizedAt;
    private String sha256;
    private String signature;
    private String keyId;
    private boolean devKey;
    /**
     * The session revision the finalization that wrote this document claimed (bookkeeping, not part of the signed
     * content): of two finalizations racing on one version the later claim wins. 0 for documents of earlier releases.
     */
    private long claim;

    DHasil() {
    }

    /**
     * An unsigned D.Hasil; {@link DHasilService#issue} computes the total, hashes, signs and stores it.
     *
     * @param rows one per child, numbers packed in the order of {@code keys}
     */
    public static DHasil draft(String ballotType, String regionCode, String regionName, String tier, int version,
                               String previousSha256, List<String> keys, List<Row> rows, List<Decision> decisions,
                               List<Correction> corrections, List<Objection> objections, List<Event> events,
                               String finalizedBy, String finalizedRole, Instant finalizedAt) {
        DHasil d = new DHasil();
        d.id = idOf(ballotType, regionCode, version);
        d.ballotType = ballotType;
        d.regionCode = regionCode;
        d.regionName = regionName;
        d.tier = tier;
        d.version = version;
        d.previousSha256 = previousSha256;
        d.keys = List.copyOf(keys);
        d.rows = List.copyOf(rows);
        d.rowsText = DHasilCanonical.rowsText(d.rows);
        d.decisions = List.copyOf(decisions);
        d.corrections = List.copyOf(corrections);
        d.objections = List.copyOf(objections);
        d.events = List.copyOf(events);
        d.finalizedBy = finalizedBy;
        d.finalizedRole = finalizedRole;
        d.finalizedAt = DHasilCanonical.millis(finalizedAt);
        d.total = Packed.pack(d.sumOfRows());
        return d;
    }

    public static String idOf(String ballotType, String regionCode, int version) {
        return ballotType + "|" + regionCode + "|" + version;
    }

    /** Sum of the rows that carry numbers (a TPS with a decision such as PSU carries none). */
    public long[] sumOfRows() {
        long[] sum = new long[keys.size()];
        for (Row row : getRows()) {
            long[] n = row.numbers();
            if (n.length == 0) {
                continue;
            }
            if (n.length != sum.length) {
                throw new IllegalStateException("Baris " + row.code() + " tidak sesuai daftar kolom");
            }
            for (int i = 0; i < n.length; i++) {
                sum[i] += n[i];
            }
        }
        return sum;
    }

    void claimedBy(long sessionClaim) {
        this.claim = sessionClaim;
    }

    void sign(String sha, String signatureBase64, String signingKeyId, boolean dev) {
        this.sha256 = sha;
        this.signature = signatureBase64;
        this.keyId = signingKeyId;
        this.devKey = dev;
    }

    public long[] totalNumbers() {
        return Packed.unpack(total);
    }

    /**
     * One child of the D.Hasil and the numbers used for it.
     *
     * @param group         the desa of a TPS row (kecamatan D.Hasil); null otherwise
     * @param source        {@code tps_result} (a TPS result version) or {@code dhasil} (a child's D.Hasil version)
     * @param sourceVersion that version
     * @param status        TPS result status, or {@code final} for a child D.Hasil
     * @param decision      a recorded decision instead of numbers (e.g. PSU), else null
     * @param values        packed numbers in key order ("" when a decision replaces them)
     */
    public record Row(String code, String name, String group, String source, long sourceVersion, String status,
                      String decision, String values) {

        public long[] numbers() {
            return Packed.unpack(values);
        }
    }

    /** A TPS without counted numbers and the decision recorded for it (e.g. PSU = pemungutan suara ulang). */
    public record Decision(String target, String decision, String reason, String by, Instant at) {
    }

    /** One changed field of a correction (a correction of several fields gives several of these, same id). */
    public record Correction(String id, String target, String key, long before, long after, String reason,
                             String objectionId, String by, Instant at) {
    }

    /** An objection (keberatan) and its answer. */
    public record Objection(String id, String target, String field, String filedBy, String represents, String claim,
                            String recordedBy, Instant recordedAt, String answer, String answerReason,
                            String correctionId, String answeredBy, Instant answeredAt) {
    }

    /** A special event (kejadian khusus). */
    public record Event(String id, String target, String description, String by, Instant at) {
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

    public String getTier() {
        return tier;
    }

    public int getVersion() {
        return version;
    }

    public String getPreviousSha256() {
        return previousSha256;
    }

    public List<String> getKeys() {
        return keys;
    }

    /** The rows, parsed from the stored text on first use. */
    public List<Row> getRows() {
        List<Row> out = rows;
        if (out == null) {
            out = rowsText != null ? DHasilCanonical.parseRows(rowsText)
                    : storedRows != null ? List.copyOf(storedRows) : List.of();
            rows = out;
        }
        return out;
    }

    /** The rows as stored (see the class comment). */
    public String getRowsText() {
        return rowsText;
    }

    public String getTotal() {
        return total;
    }

    public List<Decision> getDecisions() {
        return decisions;
    }

    public List<Correction> getCorrections() {
        return corrections;
    }

    public List<Objection> getObjections() {
        return objections;
    }

    public List<Event> getEvents() {
        return events;
    }

    public String getFinalizedBy() {
        return finalizedBy;
    }

    public String getFinalizedRole() {
        return finalizedRole;
    }

    public Instant getFinalizedAt() {
        return finalizedAt;
    }

    public String getSha256() {
        return sha256;
    }

    public String getSignature() {
        return signature;
    }

    public String getKeyId() {
        return keyId;
    }

    public boolean isDevKey() {
        return devKey;
    }
}
