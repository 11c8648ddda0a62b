package id.pemilu.desk.progress;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.desk.report.QuickNumbers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class SummaryPdfTest {

    @Test
    void everyPageOfALongListIsStampedAndNumbered() throws Exception {
        Instant at = Instant.parse("2026-11-27T09:30:00Z");
        List<ProgressService.Row> rows = new ArrayList<>();
        List<id.pemilu.desk.report.IndexedReport> none = List.of();
        for (int n = 1; n <= 120; n++) {
            String tps = String.format("31.71.01.1001.%03d", n);
            rows.add(new ProgressService.Row(new RegionRef(tps, "TPS " + n, "TPS"), Tally.of(1, none),
                    new ProgressService.TpsReport(tps, n % 2 == 0 ? "reported" : "belum_masuk",
                            n % 2 == 0 ? "pelapor.gambir.1" : null, at, at, 0,
                            n % 2 == 0 ? new QuickNumbers(List.of(10, 20, 30), 60, 1, 61) : null)));
        }
        ProgressService.View view = new ProgressService.View("label", new RegionRef("31.71.01.1001", "Gambir", "DESA"),
                "PILKADA_GUBERNUR", at, Tally.of(120, none), rows, List.of(), false, List.of(), 1, 3, null, List.of());
        try (PDDocument doc = Loader.loadPDF(SummaryPdf.render(view))) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(doc);
                assertThat(text).contains("BUKAN DATA RESMI").contains("halaman " + page + " dari "
                        + doc.getNumberOfPages());
            }
            String all = new PDFTextStripper().getText(doc);
            assertThat(all).contains("31.71.01.1001.120").contains("Desa/Kelurahan Gambir").contains("27-11-2026 16:30 WIB");
        }
    }
}
