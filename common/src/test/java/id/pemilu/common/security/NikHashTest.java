package id.pemilu.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NikHashTest {

    @Test
    void sameNikAndKeyGiveTheSameHashDifferentKeysDoNot() {
        String a = NikHash.of("3171014101900001", "key-one");
        assertThat(NikHash.of("3171014101900001", "key-one")).isEqualTo(a).hasSize(64);
        assertThat(NikHash.of("3171014101900001", "key-two")).isNotEqualTo(a);
        assertThat(NikHash.of("3171014101900002", "key-one")).isNotEqualTo(a);
    }

    @Test
    void matchesHmacSha256TestVector() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertThat(NikHash.of("what do ya want for nothing?", "Jefe"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
