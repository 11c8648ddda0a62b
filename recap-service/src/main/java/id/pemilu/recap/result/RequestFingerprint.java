package id.pemilu.recap.result;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/** A short digest of what a request asked for, so a retry under the same Idempotency-Key can be told from reuse. */
final class RequestFingerprint {

    private RequestFingerprint() {
    }

    static String of(String kind, String text, List<FieldValue> values, String reason) {
        String numbers = values == null ? "" : values.stream().sorted(Comparator.comparing(FieldValue::key))
                .map(v -> v.key() + "=" + v.value()).collect(Collectors.joining(","));
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
