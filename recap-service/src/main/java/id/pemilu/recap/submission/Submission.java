package id.pemilu.recap.submission;

import id.pemilu.recap.dhasil.DHasilSigner;
import id.pemilu.recap.photohash.PhotoHashes;
import id.pemilu.common.ballot.BallotType;
import id.pemilu.recap.result.Draft;
import id.pemilu.recap.result.Flag;
import id.pemilu.recap.result.PhotoRef;
import id.pemilu.recap.result.ResultChecks;
import id.pemilu.recap.translog.LogEntry;
import id.pemilu.recap.translog.LoggedAggregate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Photos of one C.Hasil form sent by a KPPS officer and the machine readings of them. Everything here is a draft:
 * it becomes a result only when the officer confirms it.
 */
@Document("submissions")
class Submission extends LoggedAggregate {

    @Id
    private String id;
    private String tpsCode;
    private BallotType ballotType;
    private String createdBy;
    private Instant createdAt;
    private List<SubmittedPhoto> photos = new ArrayList<>();
    private List<Reading> readings = new ArrayList<>();
    private List<Flag> flags = new ArrayList<>();
    @Version
    private Long revision;

    record SubmittedPhoto(int page, String sha256, String contentType, int width, int height, long size) {
    }

    /**
     * One field as read; {@code box}: where its digit boxes are on the photo of {@code page} (null if unknown);
     * {@code suggested}: on a form read as written (its sums do not close as read), this field's value in the reader's
     * most probable reading that adds up, when it differs (a hint for the officer, never the value; null otherwise).
     */
    record ReadField(String key, Integer value, double confidence, boolean needsReview, Integer page, PixelBox box,
                     Integer suggested) {
    }

    /** A rectangle on a photo, in pixels of the photo as sent. */
    record PixelBox(int x, int y, int width, int height) {
    }

    record Reading(String eventId, int page, String sha256, String outcome, String reason, String qrTpsCode,
                   List<ReadField> fields, Instant readAt) {
    }

    Submission() {
    }

    Submission(String id, String tpsCode, BallotType ballotType, String createdBy) {
        this.id = id;
        this.tpsCode = tpsCode;
        this.ballotType = ballotType;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    SubmittedPhoto photo(int page) {
        return photos.stream().filter(p -> p.page() == page).findFirst().orElse(null);
    }

    void addPhoto(SubmittedPhoto photo, List<String> sameHashAtOtherTps) {
        photos.add(photo);
        photos.sort(java.util.Comparator.comparingInt(SubmittedPhoto::page));
        if (!sameHashAtOtherTps.isEmpty()) {
            flags.add(new Flag(ResultChecks.DUPLICATE_PHOTO, "Foto halaman " + photo.page()
                    + " sama persis (SHA-256) dengan foto yang dikirim untuk TPS lain: "
                    + String.join(", ", sameHashAtOtherTps)));
        }
    }

    /**
     * {@code SIMILAR_PHOTO}: the picture is, by its perceptual hash, a photo already sent for another TPS (re-encoded,
     * resized or cut); a byte-identical one is {@code DUPLICATE_PHOTO} already and not repeated here.
     */
    void flagSimilar(SubmittedPhoto photo, List<PhotoHashes.Similar> similar) {
        List<String> tps = similar.stream().filter(s -> !s.sha256().equals(photo.sha256()))
                .map(PhotoHashes.Similar::tpsCode).distinct().toList();
        boolean identical = flags.stream().anyMatch(f -> f.code().equals(ResultChecks.DUPLICATE_PHOTO));
        if (!tps.isEmpty() && !identical) {
            flags.add(new Flag(ResultChecks.SIMILAR_PHOTO, "Foto halaman " + photo.page()
                    + " sangat mirip (hash perseptual) dengan foto yang dikirim untuk TPS lain: "
                    + String.join(", ", tps)));
        }
    }

    /** Adds a reading unless this event was already taken; returns whether it was added. */
    boolean addReading(Reading reading) {
        if (readings.stream().anyMatch(r -> r.eventId().equals(reading.eventId()))) {
            return false;
        }
        readings.add(reading);
        Map<String, Integer> read = new LinkedHashMap<>();
        if (reading.fields() != null) {
            reading.fields().stream().filter(Objects::nonNull).forEach(f -> read.put(f.key(), f.value()));
        }
        appendLog(LogEntry.of("reading", LogEntry.tpsSubject(tpsCode, ballotType.name()), reading.readAt())
                .with("tps", tpsCode)
                .with("ballot", ballotType.name())
                .with("submission", id)
                .with("page", reading.page())
                .with("photo", reading.sha256())
                .with("outcome", reading.outcome())
                .with("readingSha256", readingHash(reading))
                .with("values", read)
                .with("actor", "ocr-c1-reader")
                .with("role", "machine"));
        if (reading.qrTpsCode() != null && !reading.qrTpsCode().isBlank() && !reading.qrTpsCode().equals(tpsCode)) {
            flags.add(new Flag("QR_TPS_MISMATCH", "Kode QR pada formulir (" + reading.qrTpsCode()
                    + ") bukan TPS ini (" + tpsCode + ")"));
        }
        return true;
    }

    /** SHA-256 of the reading as received (event id, outcome, reason, QR code and every field with confidence). */
    static String readingHash(Reading reading) {
        StringBuilder text = new StringBuilder(reading.eventId()).append('\n').append(reading.page()).append('\n')
                .append(reading.sha256()).append('\n').append(reading.outcome()).append('\n')
                .append(reading.reason()).append('\n').append(reading.qrTpsCode());
        if (reading.fields() != null) {
            for (ReadField f : reading.fields()) {
                text.append('\n').append(f.key()).append('=').append(f.value()).append(' ').append(f.confidence())
                        .append(f.needsReview() ? " review" : "");
            }
        }
        return DHasilSigner.sha256Hex(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The latest value read for each key, and the keys two readings disagree on. */
    Draft draft() {
        Map<String, Integer> values = new LinkedHashMap<>();
        Map<String, Set<Integer>> seen = new LinkedHashMap<>();
        for (Reading reading : readings) {
            if (!"READ".equals(reading.outcome()) || reading.fields() == null) {
                continue;
            }
            for (ReadField f : reading.fields()) {
                if (f.value() != null) {
                    values.put(f.key(), f.value());
                    seen.computeIfAbsent(f.key(), k -> new LinkedHashSet<>()).add(f.value());
                }
            }
        }
        List<String> disagreeing = seen.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey).toList();
        List<PhotoRef> refs = photos.stream().map(p -> new PhotoRef(p.page(), p.sha256())).toList();
        return new Draft(id, tpsCode, ballotType, values, List.copyOf(flags), disagreeing, refs);
    }

    /** Confidence and review hints of the latest reading of each key. */
    Map<String, ReadField> latestFields() {
        Map<String, ReadField> out = new LinkedHashMap<>();
        readings.stream().filter(r -> r.fields() != null).forEach(r -> r.fields().stream()
                .filter(Objects::nonNull).forEach(f -> out.put(f.key(), f)));
        return out;
    }

    String getId() {
        return id;
    }

    String getTpsCode() {
        return tpsCode;
    }

    BallotType getBallotType() {
        return ballotType;
    }

    String getCreatedBy() {
        return createdBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    List<SubmittedPhoto> getPhotos() {
        return photos;
    }

    List<Reading> getReadings() {
        return readings;
    }

    List<Flag> getFlags() {
        return flags;
    }
}
