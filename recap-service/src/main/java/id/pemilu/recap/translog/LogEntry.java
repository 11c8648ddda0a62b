package id.pemilu.recap.translog;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * One entry of the transparency log, built when the change happens: {@code v} (format), {@code id}, {@code kind},
 * {@code at}, then the fields of its kind in a fixed order. Its bytes (compact UTF-8 JSON) are fixed here and never
 * re-encoded: the log stores and serves exactly them, and the Merkle leaf is the SHA-256 of {@code 0x00 ‖ bytes}.
 * Actors appear by username and role only.
 *
 * <p>Kinds: {@code photo} (a C.Hasil photo stored), {@code reading} (a machine reading kept as draft),
 * {@code result} (numbers recorded: confirm, verify, correct, dispute), {@code session} (a rekapitulasi action;
 * {@code finalize} carries the D.Hasil), {@code determination} (penetapan published), {@code recommendation}
 * (Bawaslu: recorded or answered).
 */
public final class LogEntry {

    public static final int FORMAT = 1;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private String subject;

    private LogEntry(String kind, String subject, Instant at) {
        this.subject = subject;
        String id = UUID.randomUUID().toString();
        fields.put("v", FORMAT);
        fields.put("id", id);
        fields.put("kind", kind);
        fields.put("at", at.truncatedTo(ChronoUnit.MILLIS).toString());
    }

    public static LogEntry of(String kind, String subject, Instant at) {
        return new LogEntry(kind, subject, at);
    }

    /** Adds a field (skipped when null); values are strings, numbers, booleans, lists or maps of them. */
    public LogEntry with(String key, Object value) {
        if (value != null) {
            fields.put(key, value);
        }
        return this;
    }

    /** What the entry is about, for the "latest entry of" shortcut (not part of the entry's bytes). */
    public LogEntry subject(String newSubject) {
        this.subject = newSubject;
        return this;
    }

    public static String tpsSubject(String tpsCode, String ballotType) {
        return "tps|" + tpsCode + "|" + ballotType;
    }

    public static String dhasilSubject(String ballotType, String regionCode) {
        return "dhasil|" + ballotType + "|" + regionCode;
    }

    PendingEntry pending() {
        return new PendingEntry((String) fields.get("id"), subject, JSON.writeValueAsString(fields));
    }
}
