package id.pemilu.common.wilayah;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WilayahTest {

    private final Wilayah wilayah = Wilayah.indonesia();

    @Test
    void holdsEveryRealRegionOfEachTier() {
        assertThat(wilayah.all(RegionLevel.PROVINSI)).hasSize(38);
        assertThat(wilayah.all(RegionLevel.KABKOTA)).hasSize(514);
        assertThat(wilayah.all(RegionLevel.KECAMATAN)).hasSize(7285);
        assertThat(wilayah.all(RegionLevel.DESA)).hasSize(83762);
    }

    @Test
    void walksFromAVillageUpToItsProvince() {
        assertThat(wilayah.path("11.01.01.2001")).extracting(Region::name)
                .containsExactly("Aceh", "Kabupaten Aceh Selatan", "Bakongan", "Keude Bakongan");
        assertThat(wilayah.childrenOf(null)).hasSize(38);
    }

    @Test
    void rejectsAnUnknownCode() {
        assertThatThrownBy(() -> wilayah.get("99.99")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("99.99");
    }
}
