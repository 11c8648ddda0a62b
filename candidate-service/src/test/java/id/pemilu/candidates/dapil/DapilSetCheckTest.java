package id.pemilu.candidates.dapil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pemilu.common.wilayah.Wilayah;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DapilSetCheckTest {

    final Wilayah wilayah = Wilayah.indonesia();

    static String demoCsv() throws IOException {
        try (InputStream in = DapilSetCheckTest.class.getResourceAsStream("/dapil/dpr-dki-jakarta.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static DapilDefinition dpr(String code, int seats, String... regions) {
        return new DapilDefinition(code, "Dapil " + code, ElectoralBody.DPR, "31", seats, List.of(regions));
    }

    @Test
    void theShippedDemoSetPartitionsDkiJakartaIntoThreeDprDapil() throws IOException {
        List<DapilDefinition> demo = DapilCsv.parse(demoCsv());
        assertThat(demo).extracting(DapilDefinition::code).containsExactly("DPR-31-1", "DPR-31-2", "DPR-31-3");
        assertThat(demo).extracting(DapilDefinition::seats).containsExactly(6, 7, 8);
        assertThat(DapilSetCheck.problems(ElectoralBody.DPR, "31", demo, wilayah)).isEmpty();
    }

    @Test
    void overlappingRegionsAreRejectedAlsoWhenARegionAndItsPartAreListed() {
        List<String> problems = DapilSetCheck.problems(ElectoralBody.DPR, "31", List.of(
                dpr("DPR-31-1", 6, "31.75", "31.71.01"), dpr("DPR-31-2", 7, "31.71", "31.74"),
                dpr("DPR-31-3", 8, "31.01", "31.72", "31.73", "31.74")), wilayah);
        assertThat(problems).anyMatch(p -> p.contains("31.74") && p.contains("DPR-31-2") && p.contains("DPR-31-3"))
                .anyMatch(p -> p.contains("31.71.01") && p.contains("induknya 31.71"));
    }

    @Test
    void aRegionLeftOutOfEveryDapilIsReportedByName() {
        List<String> problems = DapilSetCheck.problems(ElectoralBody.DPR, "31", List.of(
                dpr("DPR-31-1", 6, "31.75"), dpr("DPR-31-2", 7, "31.71", "31.74"), dpr("DPR-31-3", 8, "31.72", "31.73")),
                wilayah);
        assertThat(problems).singleElement().asString().contains("31.01").contains("Kepulauan Seribu");
    }

    @Test
    void kabKotaDapilMadeOfKecamatanMustCoverEveryKecamatan() {
        List<DapilDefinition> set = List.of(
                new DapilDefinition("DPRD-3171-1", "Jakarta Pusat 1", ElectoralBody.DPRD_KABKOTA, "31.71", 6,
                        List.of("31.71.01", "31.71.02", "31.71.03", "31.71.04")),
                new DapilDefinition("DPRD-3171-2", "Jakarta Pusat 2", ElectoralBody.DPRD_KABKOTA, "31.71", 6,
                        List.of("31.71.05", "31.71.06", "31.71.07")));
        List<String> problems = DapilSetCheck.problems(ElectoralBody.DPRD_KABKOTA, "31.71", set, wilayah);
        assertThat(problems).singleElement().asString().contains("31.71.08");
    }

    @Test
    void regionsOutsideTheAreaUnknownCodesAndSeatCountsOutOfRangeAreRejected() {
        List<String> problems = DapilSetCheck.problems(ElectoralBody.DPR, "31", List.of(
                dpr("DPR-31-1", 6, "31.75", "32.01"), dpr("DPR-31-2", 7, "31.71", "31.74", "31.99"),
                dpr("DPR-31-3", 8, "31.01", "31.72", "31.73")), wilayah);
        assertThat(problems).anyMatch(p -> p.contains("32.01") && p.contains("di luar"))
                .anyMatch(p -> p.contains("31.99") && p.contains("tidak dikenal"));
        assertThatThrownBy(() -> dpr("DPR-31-1", 11, "31.75")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3-10");
        assertThatThrownBy(() -> dpr("dpr 1", 6, "31.75")).hasMessageContaining("Kode dapil tidak sah");
        assertThatThrownBy(() -> DapilCsv.parse("kode,nama\nA,B")).hasMessageContaining("Baris pertama");
    }
}
