package id.pemilu.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HeaderCheckTest {

    @Test
    void answersWhatTheStockRegexAnswers() {
        Random random = new Random(7);
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(10); n > 0; n--) {
                int kind = random.nextInt(8);
                text.appendCodePoint(kind < 5 ? 0x20 + random.nextInt(0x5f)
                        : kind == 5 ? random.nextInt(0x20) : kind == 6 ? 0x7f + random.nextInt(0x40)
                        : random.nextInt(0x30000));
            }
            String header = text.toString();
            assertThat(HeaderCheck.plainOr(HeaderCheck.NAME_RULE).test(header))
                    .isEqualTo(HeaderCheck.NAME_RULE.matcher(header).matches());
            boolean value = HeaderCheck.VALUE_RULE.matcher(header).matches();
            assertThat(HeaderCheck.plainOr(HeaderCheck.VALUE_RULE).test(header)).isEqualTo(value);
            refused += value ? 0 : 1;
        }
        assertThat(refused).isGreaterThan(1_000);
        assertThat(HeaderCheck.plainOr(HeaderCheck.VALUE_RULE).test(null)).as("a missing header").isTrue();
        assertThat(HeaderCheck.firewall()).isNotNull();
    }
}
