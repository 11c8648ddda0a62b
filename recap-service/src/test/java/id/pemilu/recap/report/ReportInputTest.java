package id.pemilu.recap.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReportInputTest {

    @Test
    void plainIndonesianTextWithEmojiAndPunctuationIsAccepted() {
        var valid = new ReportInput("numbers_differ", "ppwp", " votes.candidate.2 ", "  Angka 71 ≠ 171 — cek foto! 🙏 ")
                .validated();
        assertThat(valid.reason()).isEqualTo(ReportReason.NUMBERS_DIFFER);
        assertThat(valid.field()).isEqualTo("votes.candidate.2");
        assertThat(valid.text()).isEqualTo("Angka 71 ≠ 171 — cek foto! 🙏");
        assertThat(valid.ballotType().name()).isEqualTo("PPWP");
    }

    @Test
    void controlAndBidiCharactersAreRefused() {
        for (String bad : new String[] {"a\u0000b", "a\tb", "a\rb", "a\u202Eb", "a\u2067b", "a\u200Fb", "a\u061Cb",
                "a\u2028b"}) {
            assertThatThrownBy(() -> new ReportInput("OTHER", null, null, bad).validated())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tidak diizinkan");
        }
    }

    @Test
    void lengthIsCountedInCharactersNotUtf16Units() {
        String emoji = "🙏".repeat(ReportInput.MAX_TEXT);
        assertThat(new ReportInput("OTHER", null, null, emoji).validated().text()).isEqualTo(emoji);
        assertThatThrownBy(() -> new ReportInput("OTHER", null, null, emoji + "x").validated())
                .hasMessageContaining("terlalu panjang");
    }
}
