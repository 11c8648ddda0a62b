package id.pemilu.recap.recap;

import id.pemilu.recap.result.FieldValue;
import id.pemilu.recap.result.ResultStatus;
import java.util.List;

/**
 * The version of one TPS result a desa total contains. Applying the same or an older version again changes nothing,
 * which makes the incremental recap idempotent and safe to repeat after a crash.
 */
public record Entry(String tpsCode, long resultVersion, ResultStatus status, List<FieldValue> values) {
}
