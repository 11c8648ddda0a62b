package id.pemilu.recap.recap;

import id.pemilu.recap.result.FieldValue;
import id.pemilu.recap.result.ResultStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The version of one TPS result a desa total contains. Applying the same or an older version again changes nothing,
 * which makes the incremental recap idempotent and safe to repeat after a crash. The numbers are kept packed in one
 * string ({@code key=value,key=value}) so a desa total stays one small document that is cheap to rewrite.
 */
public record Entry(String tpsCode, long resultVersion, ResultStatus status, String numbers) {

    public static Entry of(String tpsCode, long resultVersion, ResultStatus status, List<FieldValue> values) {
        StringBuilder packed = new StringBuilder(values.size() * 16);
        for (FieldValue v : values) {
            if (v.value() != null) {
                packed.append(packed.isEmpty() ? "" : ",").append(v.key()).append('=').append(v.value());
            }
        }
        return new Entry(tpsCode, resultVersion, status, packed.toString());
    }

    public List<FieldValue> values() {
        List<FieldValue> out = new ArrayList<>();
        if (numbers == null || numbers.isEmpty()) {
            return out;
        }
        for (String pair : numbers.split(",")) {
            int eq = pair.indexOf('=');
            out.add(new FieldValue(pair.substring(0, eq), Integer.valueOf(pair.substring(eq + 1))));
        }
        return out;
    }
}
