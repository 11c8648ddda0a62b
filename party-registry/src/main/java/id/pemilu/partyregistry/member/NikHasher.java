package id.pemilu.partyregistry.member;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Same keyed hash as {@link id.pemilu.common.security.NikHash} (HMAC-SHA256, hex) so hashes match across services,
 * but reuses one initialised {@link Mac} per thread: an import hashes millions of NIKs.
 */
public final class NikHasher {

    private final ThreadLocal<Mac> mac;

    public NikHasher(String key) {
        SecretKeySpec spec = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(spec);
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 unavailable", e);
            }
        });
    }

    public String hash(String nik) {
        return HexFormat.of().formatHex(mac.get().doFinal(nik.getBytes(StandardCharsets.UTF_8)));
    }
}
