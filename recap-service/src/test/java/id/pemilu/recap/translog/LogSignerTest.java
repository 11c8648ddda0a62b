package id.pemilu.recap.translog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pemilu.recap.signing.Ed25519Key;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The log's key is its own: configured, it signs heads; the D.Hasil key given again for the log is refused. */
class LogSignerTest {

    static String seed(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    static Ed25519Key key(String text) {
        return Ed25519Key.load(seed(text), LogSigner.SETTING, null, LogSigner.DEV_KEY_COLLECTION);
    }

    @Test
    void theDHasilKeyCannotSignTheLog() {
        Ed25519Key dhasil = key("test-only-dhasil-seed-32-bytes!!");
        assertThatThrownBy(() -> new LogSigner(key("test-only-dhasil-seed-32-bytes!!"), dhasil.keyId()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("RECAP_LOG_SIGNING_KEY")
                .hasMessageContaining("kunci tanda tangan sendiri");
    }

    @Test
    void aConfiguredLogKeySignsHeadsThatItsPublishedKeyVerifies() {
        Ed25519Key dhasil = key("test-only-dhasil-seed-32-bytes!!");
        LogSigner signer = new LogSigner(key("test-only-translog-seed-32bytes!"), dhasil.keyId());
        assertThat(signer.isDev()).isFalse();
        assertThat(signer.keyId()).isNotEqualTo(dhasil.keyId());
        byte[] head = TreeHeads.Head.signedBytes(7, "ab".repeat(32), 1_700_000_000_000L);
        String signature = signer.sign(head);
        assertThat(signer.verify(head, signature)).isTrue();
        assertThat(dhasil.verify(head, signature)).as("the D.Hasil key does not verify a head").isFalse();
        assertThat(signer.publicKeyBase64()).isNotEqualTo(dhasil.publicKeyBase64());
    }

    @Test
    void aSeedOfTheWrongLengthIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> Ed25519Key.load(seed("too short"), LogSigner.SETTING, null, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RECAP_LOG_SIGNING_KEY");
    }
}
