package id.pemilu.recap.result;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/** A short digest of what a request asked for, so a retry under the same Idempotency-Key can be told from reuse. */
final class RequestFingerprint {

    private static final Comparator<FieldValue> BY_KEY = Comparator.comparing(FieldValue::key);

    private RequestFingerprint() {
    }

    static String of(String kind, String text, List<FieldValue> values, String reason) {
        StringBuilder canonical = new StringBuilder(512).append(kind).append('\u0001')
                .append(text == null ? "" : text).append('\u0001');
        if (values != null) {
            // "key=value" sorted by key (a stable sort: equal keys keep their order), joined by ","
            FieldValue[] sorted = values.toArray(new FieldValue[0]);
            java.util.Arrays.sort(sorted, BY_KEY);
            for (int i = 0; i < sorted.length; i++) {
                if (i > 0) {
                    canonical.append(',');
                }
                canonical.append(sorted[i].key()).append('=').append(sorted[i].value());
            }
        }
        canonical.append('\u0001').append(reason == null ? "" : reason.strip());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
