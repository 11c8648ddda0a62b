package id.pemilu.common.wilayah;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pemilu.common.wilayah.RegionCode.Tier;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionCodeTest {

    @Test
    void everyTierIsKnownByItsFormat() {
        assertThat(RegionCode.tierOf("ID")).isEqualTo(Tier.NASIONAL);
        assertThat(RegionCode.tierOf("31")).isEqualTo(Tier.PROVINSI);
        assertThat(RegionCode.tierOf("31.71")).isEqualTo(Tier.KABKOTA);
        assertThat(RegionCode.tierOf("31.71.01")).isEqualTo(Tier.KECAMATAN);
        assertThat(RegionCode.tierOf("31.71.01.1001")).isEqualTo(Tier.DESA);
        assertThat(Tier.NASIONAL.level()).isNull();
        assertThat(Tier.KABKOTA.level()).isEqualTo(RegionLevel.KABKOTA);
        assertThat(Tier.DESA.level()).isEqualTo(RegionLevel.DESA);
        assertThat(Tier.KECAMATAN.above()).isEqualTo(Tier.KABKOTA);
        assertThat(Tier.NASIONAL.above()).isNull();
        assertThat(Tier.KECAMATAN.below()).isEqualTo(Tier.DESA);
        assertThat(Tier.DESA.below()).isNull();
    }

    @Test
    void anythingElseIsRefusedInWords() {
        for (String bad : new String[] {null, "", " ", "id", "1", "311", "31.7", "31.71.1", "31.71.01.100",
                "31.71.01.10011", "31-71", "31.71.01.1001.001", "3a.71", "31.71.0x", "31..71", ".31.7", "٣١",
                "31.71.01.1001 ", "Id"}) {
            assertThat(RegionCode.isValid(bad)).as(String.valueOf(bad)).isFalse();
            assertThatThrownBy(() -> RegionCode.of(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Kode wilayah tidak dikenal: " + bad);
            assertThatThrownBy(() -> RegionCode.parentOf(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theParentChainEndsAtTheNation() {
        RegionCode desa = RegionCode.of("31.71.01.1001");
        assertThat(desa.chain()).extracting(RegionCode::value)
                .containsExactly("31.71.01.1001", "31.71.01", "31.71", "31", "ID");
        assertThat(desa.chain()).extracting(RegionCode::tier)
                .containsExactly(Tier.DESA, Tier.KECAMATAN, Tier.KABKOTA, Tier.PROVINSI, Tier.NASIONAL);
        assertThat(RegionCode.chainOf("31.71")).containsExactly("31.71", "31", "ID");
        assertThat(RegionCode.chainOf("ID")).containsExactly("ID");

        RegionCode code = desa;
        int steps = 0;
        while (code.parent().isPresent()) {
            code = code.parent().get();
            steps++;
        }
        assertThat(code).isEqualTo(RegionCode.NATIONAL);
        assertThat(code.isNational()).isTrue();
        assertThat(steps).isEqualTo(4);
        assertThat(RegionCode.parentOf("31")).isEqualTo("ID");
        assertThat(RegionCode.parentOf("ID")).isNull();
        assertThat(RegionCode.NATIONAL.parent()).isEmpty();
    }

    @Test
    void coversItsOwnRegionsOnly() {
        RegionCode jakartaPusat = RegionCode.of("31.71");
        assertThat(jakartaPusat.covers(RegionCode.of("31.71.01.1001"))).isTrue();
        assertThat(jakartaPusat.covers(jakartaPusat)).isTrue();
        assertThat(jakartaPusat.covers(RegionCode.of("31.72"))).isFalse();
        assertThat(jakartaPusat.covers(RegionCode.of("31"))).isFalse();
        assertThat(RegionCode.NATIONAL.covers(RegionCode.of("94.71"))).isTrue();
        assertThat(List.of(RegionCode.of("32"), RegionCode.of("31.71"), RegionCode.of("31")).stream().sorted()
                .map(RegionCode::value)).containsExactly("31", "31.71", "32");
    }

    /** Every code of the shipped Kemendagri reference data is a region code, and its parent is the one listed. */
    @Test
    void agreesWithTheReferenceData() {
        Wilayah wilayah = Wilayah.indonesia();
        int checked = 0;
        for (RegionLevel level : RegionLevel.values()) {
            for (Region region : wilayah.all(level)) {
                RegionCode code = RegionCode.of(region.code());
                assertThat(code.tier().level()).isEqualTo(level);
                String expectedParent = region.parentCode() == null ? "ID" : region.parentCode();
                assertThat(RegionCode.parentOf(region.code())).as(region.code()).isEqualTo(expectedParent);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(wilayah.size());
    }
}
