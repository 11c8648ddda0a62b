package id.pemilu.desk.progress;

import static id.pemilu.desk.Fixtures.DESA_PASAR_BARU;
import static id.pemilu.desk.Fixtures.body;
import static id.pemilu.desk.Fixtures.desk;
import static id.pemilu.desk.Fixtures.pelapor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.desk.Fixtures;
import id.pemilu.desk.registry.RegistrySync;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Pasar Baru (kecamatan Sawah Besar), 2 TPS: TPS 001 reports, TPS 002 does not. */
@SpringBootTest
@AutoConfigureMockMvc
class ProgressExportTest {

    static final String C = "PILKADA_GUBERNUR";
    static final String TPS1 = DESA_PASAR_BARU + ".001";

    @DynamicPropertySource
    static void recap(DynamicPropertyRegistry registry) {
        Fixtures.properties(registry);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    RegistrySync registry;

    @BeforeEach
    void oneReport() throws Exception {
        registry.syncNow();
        mvc.perform(post("/api/desk/reports/" + TPS1 + "/" + C).with(pelapor("pelapor.pasarbaru", DESA_PASAR_BARU))
                .header("Idempotency-Key", "pb-1").contentType(MediaType.APPLICATION_JSON)
                .content(body(null, 110, 70, 20, 200, 4, 204)));
    }

    @Test
    void progressShowsWhoReportedWhoDidNotAndWhen() throws Exception {
        mvc.perform(get("/api/desk/progress").param("region", DESA_PASAR_BARU).param("contest", C)
                        .with(desk("desk.jakpus", "31.71")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.region.name").value("Pasar Baru"))
                .andExpect(jsonPath("$.tally.tpsTotal").value(2))
                .andExpect(jsonPath("$.tally.reported").value(1))
                .andExpect(jsonPath("$.tally.notReported").value(1))
                .andExpect(jsonPath("$.tally.percentReported").value(50.0))
                .andExpect(jsonPath("$.tally.lastReportAt").exists())
                .andExpect(jsonPath("$.tally.totals[0].value").value(110))
                .andExpect(jsonPath("$.notReportedTps[0]").value(DESA_PASAR_BARU + ".002"))
                .andExpect(jsonPath("$.rows[0].tps.status").value("reported"))
                .andExpect(jsonPath("$.rows[0].tps.reportedBy").value("pelapor.pasarbaru"))
                .andExpect(jsonPath("$.rows[1].tps.status").value("belum_masuk"));
        // the kab/kota view: one row per kecamatan with TPS
        mvc.perform(get("/api/desk/progress").param("region", "31.71").param("contest", C)
                        .with(desk("desk.jakpus", "31.71")))
                .andExpect(jsonPath("$.rows[*].region.code").value(hasItem("31.71.02")))
                .andExpect(jsonPath("$.rows[?(@.region.code == '31.71.02')].tally.reported").value(hasItem(1)));
        mvc.perform(get("/api/desk/progress").param("region", "31.71").with(desk("desk.jakut", "31.72")))
                .andExpect(status().isForbidden());
    }

    @Test
    void exportsUpTheTiersAsCsvJsonAndAPdfStampedAsUnofficial() throws Exception {
        var deskDki = desk("desk.dki", "31");
        String csv = mvc.perform(get("/api/desk/export").param("region", DESA_PASAR_BARU).param("format", "csv")
                        .with(deskDki))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.containsString("bukan-data-resmi")))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("code,name,level,tps_total,tps_reported")
                .contains("votes.candidate.1");
        assertThat(csv).contains(TPS1 + ",\"TPS 001\",TPS,1,1,1,0,0,").contains(",reported,\"pelapor.pasarbaru\",0,110,70,20,200,4,204")
                .contains(DESA_PASAR_BARU + ".002,\"TPS 002\",TPS,1,0,0,0,1,,belum_masuk,");
        mvc.perform(get("/api/desk/export").param("region", "31.71.02").param("format", "json").with(deskDki))
                .andExpect(jsonPath("$.label").value("Data cepat Desk Pilkada — bukan hasil resmi KPU"))
                .andExpect(jsonPath("$.rows[0].region.code").value(DESA_PASAR_BARU));

        for (String region : new String[] {DESA_PASAR_BARU, "31.71"}) {
            byte[] pdf = mvc.perform(get("/api/desk/export").param("region", region).param("format", "pdf")
                            .with(deskDki))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", "application/pdf"))
                    .andReturn().getResponse().getContentAsByteArray();
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).contains("BUKAN DATA RESMI").contains("bukan hasil resmi KPU")
                        .contains("Rekap Data Cepat Desk Pilkada");
                BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 80);
                Path out = Path.of("target", "desk-summary-" + region + ".png");
                Files.createDirectories(out.getParent());
                ImageIO.write(page, "png", out.toFile());
                assertThat(Files.size(out)).isPositive();
            }
        }
    }
}
