package id.pemilu.common.nik;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NikRulesTest {

    @Test
    void aPossibleNikPasses() {
        assertThat(NikRules.impossible("3171011708790011")).isEmpty();
        assertThat(NikRules.impossible("3171015708790011")).as("a woman: day + 40").isEmpty();
    }

    @Test
    void impossibleNiksAreRefusedWithTheReason() {
        assertThat(NikRules.impossible("317101170879001")).hasValue("NIK harus 16 angka.");
        assertThat(NikRules.impossible("31710117087900a1")).hasValue("NIK harus 16 angka.");
        assertThat(NikRules.impossible("3171019908790011")).hasValueSatisfying(r -> assertThat(r).contains("tanggal"));
        assertThat(NikRules.impossible("3171013508790011")).as("day 35 is neither a man's nor a woman's")
                .hasValueSatisfying(r -> assertThat(r).contains("tanggal"));
        assertThat(NikRules.impossible("3171011713790011")).as("month 13")
                .hasValueSatisfying(r -> assertThat(r).contains("tanggal"));
        assertThat(NikRules.impossible("3171011708790000")).hasValueSatisfying(r -> assertThat(r).contains("0000"));
        assertThat(NikRules.impossible("9999991708790011")).hasValueSatisfying(r -> assertThat(r).contains("kecamatan"));
    }
}
