package id.pemilu.partyregistry.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pemilu.common.security.NikHash;
import id.pemilu.partyregistry.crypto.NikCipher;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class NikSecrecyTest {

    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    final NikCipher cipher = new NikCipher(KEY);

    @Test
    void theHashMatchesTheSharedNikHashSoOtherServicesFindTheSamePerson() {
        String nik = "3171014101900001";
        assertThat(new NikHasher("k-1").hash(nik)).isEqualTo(NikHash.of(nik, "k-1"))
                .isNotEqualTo(new NikHasher("k-2").hash(nik)).doesNotContain(nik);
    }

    @Test
    void theStoredNikIsEncryptedWithAFreshIvAndDecryptsBack() {
        String nik = "3171014101900001";
        String a = cipher.encrypt(nik);
        String b = cipher.encrypt(nik);
        assertThat(a).isNotEqualTo(b).doesNotContain(nik);
        assertThat(cipher.decrypt(a)).isEqualTo(nik);
        assertThatThrownBy(() -> new NikCipher(Base64.getEncoder()
                .encodeToString("another-key-of-32-bytes-length!!".getBytes())).decrypt(a))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTamperedValueIsRefused() {
        byte[] raw = Base64.getDecoder().decode(cipher.encrypt("3171014101900001"));
        raw[raw.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(Base64.getEncoder().encodeToString(raw)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theMaskShowsTheLastFourDigitsOnlyNeitherRegionNorBirthDate() {
        assertThat(NikCipher.mask("3171014101900001")).isEqualTo("************0001");
        assertThat(NikCipher.mask("317101******0001")).as("an old stored mask").isEqualTo("************0001");
    }
}
