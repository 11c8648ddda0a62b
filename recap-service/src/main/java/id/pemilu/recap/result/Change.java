package id.pemilu.recap.result;

import java.time.Instant;
import java.util.List;

/** One change of a TPS result, kept forever: who, when, why, and the numbers and flags it left. */
public record Change(long resultVersion, ResultStatus status, String by, String role, Instant at, String reason,
                     String idempotencyKey, String source, List<FieldValue> values, List<String> flags) {
}
