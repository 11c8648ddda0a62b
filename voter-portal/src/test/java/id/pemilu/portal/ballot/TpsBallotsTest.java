package id.pemilu.portal.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TpsBallotsTest {

    final TpsBallots ballots = new TpsBallots(new BallotProperties(List.of("31", " 35.09 ", "31.71"), null));

    @Test
    void dkiJakartaHasNoDprdKabKotaAndNoWaliKotaRaceEvenWhenListed() {
        assertThat(ballots.of("31.71.01.1001.004"))
                .containsExactly("PPWP", "DPR", "DPD", "DPRD_PROVINSI", "PILKADA_GUBERNUR");
    }

    @Test
    void aKabKotaWithABupatiRaceHasItsBallotAndTheProvinceWithoutAGubernurRaceHasNone() {
        assertThat(ballots.of("35.09.01.2001.001"))
                .containsExactly("PPWP", "DPR", "DPD", "DPRD_PROVINSI", "DPRD_KABKOTA", "PILKADA_BUPATI");
        assertThat(ballots.of("35.10.01.2001.001"))
                .containsExactly("PPWP", "DPR", "DPD", "DPRD_PROVINSI", "DPRD_KABKOTA");
    }

    @Test
    void withoutConfigurationDkiIsStillAdministrativeAndNoRegionHasAPilkada() {
        TpsBallots bare = new TpsBallots(new BallotProperties(null, null));
        assertThat(bare.of("31.71.01.1001.004")).containsExactly("PPWP", "DPR", "DPD", "DPRD_PROVINSI");
        assertThat(bare.of("32.73.01.1001.001")).containsExactly("PPWP", "DPR", "DPD", "DPRD_PROVINSI",
                "DPRD_KABKOTA");
    }
}
