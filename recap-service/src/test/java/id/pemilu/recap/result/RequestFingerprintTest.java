package id.pemilu.recap.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Fingerprints are stored with each Idempotency-Key: the same request must keep the same fingerprint. */
class RequestFingerprintTest {

    @Test
    void theFingerprintIsTheDigestOfTheSortedRequestAsItAlwaysWas() throws Exception {
        Random random = new Random(22);
        for (int n = 0; n < 2_000; n++) {
            List<FieldValue> values = new ArrayList<>();
            int size = random.nextInt(6);
            for (int i = 0; i < size; i++) {
                values.add(new FieldValue("votes.candidate." + random.nextInt(4), random.nextInt(5) == 0 ? null
                        : random.nextInt(1_000)));
            }
            List<FieldValue> given = random.nextInt(10) == 0 ? null : values;
            String text = random.nextBoolean() ? null : "sub-" + random.nextInt(99);
            String reason = random.nextBoolean() ? null : "  salah tulis " + random.nextInt(9) + " ";
            assertThat(RequestFingerprint.of("confirm", text, given, reason))
                    .isEqualTo(asFirstWritten("confirm", text, given, reason));
        }
        assertThat(RequestFingerprint.of("confirm", null, List.of(new FieldValue("a", 1)), null))
                .isNotEqualTo(RequestFingerprint.of("confirm", null, List.of(new FieldValue("a", 2)), null));
    }

    /** The fingerprint as the first version of the service computed it. */
    private static String asFirstWritten(String kind, String text, List<FieldValue> values, String reason)
            throws Exception {
        String numbers = values == null ? "" : values.stream().sorted(Comparator.comparing(FieldValue::key))
                .map(v -> v.key() + "=" + v.value()).collect(Collectors.joining(","));
        String canonical = kind + "\u0001" + (text == null ? "" : text) + "\u0001" + numbers + "\u0001"
                + (reason == null ? "" : reason.strip());
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }
}
