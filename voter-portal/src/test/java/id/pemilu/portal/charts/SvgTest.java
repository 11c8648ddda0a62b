package id.pemilu.portal.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SvgTest {

    @Test
    void barsScaleToTheLeaderAndReadOutValuesAndShares() {
        String svg = Svg.bars("p", "Perolehan", List.of(new Svg.Bar("Paslon 1", 300, "#111111"),
                new Svg.Bar("Paslon 2", 100, "#222222")));
        assertThat(svg).startsWith("<svg class=\"chart\"").endsWith("</svg>")
                .contains("role=\"img\" aria-labelledby=\"p-t\"")
                .contains("<title id=\"p-t\">Perolehan: Paslon 1 300 (75,0%); Paslon 2 100 (25,0%)</title>")
                .contains("width=\"100.00%\" height=\"16\" fill=\"#111111\"")
                .contains("width=\"33.33%\" height=\"16\" fill=\"#222222\"")
                .contains(">300 · 75,0%<");
    }

    @Test
    void labelsAreEscapedAndLongOnesShortened() {
        String svg = Svg.bars("x", "<judul>", List.of(new Svg.Bar("Partai <b>Sangat</b> Panjang Sekali Namanya Sampai "
                + "Tidak Muat", 1_234_567, "#111111")));
        assertThat(svg).doesNotContain("<b>").doesNotContain("<judul>").contains("&lt;judul&gt;")
                .contains(">1.234.567 · 100,0%<").contains("…</text>");
    }

    @Test
    void stackedSegmentsFollowEachOtherAndSkipEmptyParts() {
        String svg = Svg.stacked("k", "TPS", List.of(new Svg.Segment("dihitung", 1, "#a"),
                new Svg.Segment("ditandai", 0, "#b"), new Svg.Segment("belum", 3, "#c")));
        assertThat(svg).contains("x=\"0.00%\" y=\"0\" width=\"25.00%\" height=\"22\" fill=\"#a\"")
                .contains("x=\"25.00%\" y=\"0\" width=\"75.00%\" height=\"22\" fill=\"#c\"")
                .doesNotContain("fill=\"#b\"")
                .contains("TPS: dihitung 1 (25,0%); ditandai 0 (0,0%); belum 3 (75,0%)");
    }

    @Test
    void aRegionWithoutCountedVotesSaysSo() {
        String svg = Svg.comparison("c", "Perbandingan", List.of(new Svg.Row("Gambir", List.of(), "0 dari 6 TPS")),
                List.of(List.of(new Svg.Segment("belum", 6, "#c"))));
        assertThat(svg).contains("belum ada suara dihitung").contains(">0 dari 6 TPS<");
    }
}
