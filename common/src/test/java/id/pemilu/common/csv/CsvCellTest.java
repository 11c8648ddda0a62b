package id.pemilu.common.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellTest {

    @Test
    void formulasStayTextAndQuotesAreDoubled() {
        assertThat(CsvCell.of("=HYPERLINK(\"http://x\",\"klik\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\"");
        assertThat(CsvCell.of("+cmd|' /C calc'!A0")).startsWith("\"'+cmd");
        assertThat(CsvCell.of("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(CsvCell.of("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(CsvCell.of("Nama kosong.")).isEqualTo("\"Nama kosong.\"");
        assertThat(CsvCell.of(12)).isEqualTo("\"12\"");
    }
}
