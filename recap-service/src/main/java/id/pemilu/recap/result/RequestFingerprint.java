package id.pemilu.recap.result;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/** A short digest of what a request asked for, so a retry under the same Idempotency-Key can be told from reuse. */
final class RequestFingerprint {

    private static final Comparator<FieldValue> BY_KEY = Comparator.comparing(FieldValue::key);

    private RequestFingerprint() {
    }

    static String of(String kind, String text, List<FieldValue> values, String reason) {
        StringBuilder numbers = new StringBuilder();
        if (values != null) {
            FieldValue[] sorted = values.toArray(new FieldValue[0]);
            Arrays.sort(sorted, BY_KEY);
            for (FieldValue v : sorted) {
                if (!numbers.isEmpty()) {
                    numbers.append(',');
                }
                numbers.append(v.key()).append('=').append(v.value());
            }
        }
        String canonical = kind + "\u0001" + (text == null ? "" : text) + "\u0001" + numbers + "\u0001"
                + (reason == null ? "" : reason.strip());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
