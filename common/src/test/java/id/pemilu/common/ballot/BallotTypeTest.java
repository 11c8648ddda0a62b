package id.pemilu.common.ballot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BallotTypeTest {

    @Test
    void parsesTheNamesTheApisCarry() {
        assertThat(BallotType.parse("PPWP")).isEqualTo(BallotType.PPWP);
        assertThat(BallotType.parse(" dprd-kabkota ")).isEqualTo(BallotType.DPRD_KABKOTA);
        assertThatThrownBy(() -> BallotType.parse("DPRK")).hasMessage("Jenis surat suara tidak dikenal: DPRK");
        assertThatThrownBy(() -> BallotType.parse(" ")).hasMessage("Jenis surat suara wajib diisi (PPWP, DPR, DPD, "
                + "DPRD_PROVINSI, DPRD_KABKOTA, PILKADA_GUBERNUR, PILKADA_BUPATI).");
        assertThat(BallotType.isName("DPD")).isTrue();
        assertThat(BallotType.isName("dpd")).isFalse();
        assertThat(BallotType.isName(null)).isFalse();
    }

    @Test
    void inBallotOrderWithTheirNames() {
        assertThat(BallotType.values()).extracting(Enum::name).containsExactly("PPWP", "DPR", "DPD",
                "DPRD_PROVINSI", "DPRD_KABKOTA", "PILKADA_GUBERNUR", "PILKADA_BUPATI");
        assertThat(BallotType.DPRD_KABKOTA.label()).isEqualTo("DPRD Kabupaten/Kota");
        assertThat(BallotType.values()).filteredOn(BallotType::isLegislative)
                .containsExactly(BallotType.DPR, BallotType.DPRD_PROVINSI, BallotType.DPRD_KABKOTA);
        assertThat(BallotType.values()).filteredOn(BallotType::isPilkada)
                .containsExactly(BallotType.PILKADA_GUBERNUR, BallotType.PILKADA_BUPATI);
    }
}
