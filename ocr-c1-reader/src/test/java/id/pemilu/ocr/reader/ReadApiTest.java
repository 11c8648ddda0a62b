package id.pemilu.ocr.reader;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.common.security.Roles;
import id.pemilu.common.test.Tokens;
import id.pemilu.ocr.form.FormTemplates;
import id.pemilu.ocr.synth.FormSynthesizer;
import id.pemilu.ocr.synth.HandwrittenDigits;
import id.pemilu.ocr.synth.PhotoSimulator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class ReadApiTest {

    private static FormSynthesizer.Synthesized photo;

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void synthesise() {
        photo = new FormSynthesizer(HandwrittenDigits.heldOut()).synthesize(FormTemplates.load().get("PPWP"),
                "31.71.01.1001.001", 5, PhotoSimulator.Distortion.PERSPECTIVE);
    }

    private static MockMultipartFile part(byte[] bytes) {
        return new MockMultipartFile("photo", "c1.jpg", "image/jpeg", bytes);
    }

    @Test
    void theKppsOfTheTpsGetsTheReadingWithEveryField() throws Exception {
        mvc.perform(multipart("/api/ocr/read").file(part(photo.jpeg())).with(Tokens.kpps("31.71.01.1001.001")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("READ"))
                .andExpect(jsonPath("$.tpsCode").value("31.71.01.1001.001"))
                .andExpect(jsonPath("$.ballotType").value("PPWP"))
                .andExpect(jsonPath("$.fields.length()").value(34))
                .andExpect(jsonPath("$.fields[?(@.key == 'votes.candidate.1')].confidence").exists());
    }

    @Test
    void staffOutsideTheTpsRegionAndNonStaffAreRefused() throws Exception {
        mvc.perform(multipart("/api/ocr/read").file(part(photo.jpeg())).with(Tokens.kpps("31.71.01.1001.002")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(multipart("/api/ocr/read").file(part(photo.jpeg())).with(Tokens.ppk("31.71.02")))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/ocr/read").file(part(photo.jpeg())).with(Tokens.ppk("31.71.01")))
                .andExpect(status().isOk());
        mvc.perform(multipart("/api/ocr/read").file(part(photo.jpeg())).with(Tokens.kpu(Roles.KPU_PROVINSI, "31")))
                .andExpect(status().isOk());
        mvc.perform(multipart("/api/ocr/read").file(part(photo.jpeg())).with(Tokens.partyOperator("pnb")))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/ocr/read").file(part(photo.jpeg())))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aFileThatIsNotAPhotoIsAProblemNotACrash() throws Exception {
        mvc.perform(multipart("/api/ocr/read").file(part("bukan foto".getBytes(StandardCharsets.UTF_8)))
                        .with(Tokens.kpuRi()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("berkas bukan gambar: unggah foto JPEG atau PNG"));
        mvc.perform(multipart("/api/ocr/read").file(new MockMultipartFile("other", "x.jpg", "image/jpeg",
                        photo.jpeg())).with(Tokens.kpuRi()))
                .andExpect(status().isBadRequest());
    }
}
