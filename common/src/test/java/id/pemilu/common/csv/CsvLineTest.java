package id.pemilu.common.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvLineTest {

    @Test
    void quotedCellsKeepSeparatorsAndDoubledQuotes() {
        assertThat(CsvLine.split("31.71,\"KOTA ADM. JAKARTA PUSAT, DKI\",\"a \"\"b\"\"\"", ','))
                .containsExactly("31.71", "KOTA ADM. JAKARTA PUSAT, DKI", "a \"b\"");
    }

    @Test
    void emptyCellsAndOtherSeparators() {
        assertThat(CsvLine.split("a;;c;", ';')).containsExactly("a", "", "c", "");
        assertThat(CsvLine.split("", ',')).containsExactly("");
    }
}
