package id.pemilu.common.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hash (HMAC-SHA256, hex) of a NIK, used to look up and match people across services without handling the
 * readable NIK. Every service that matches NIKs uses the same key ({@code PEMILU_NIK_HMAC_KEY}). One initialised
 * {@link Mac} per thread and key is reused (initialising costs more than hashing one NIK).
 */
public final class NikHash {

    private static final ThreadLocal<Map<String, Mac>> MACS = ThreadLocal.withInitial(ConcurrentHashMap::new);

    private NikHash() {
    }

    public static String of(String nik, String key) {
        Mac mac = MACS.get().computeIfAbsent(key, NikHash::newMac);
        return HexFormat.of().formatHex(mac.doFinal(nik.getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac newMac(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
