package id.pemilu.recap.photohash;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.common.test.Tokens;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@AutoConfigureMockMvc
class SimilarPhotoApiTest {

    // kelurahan Petojo Utara: only read (Pilkada progress) by another test
    static final String DESA = "31.71.01.1003";

    @Autowired
    MockMvc mvc;

    ResultActions upload(String tps, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/api/recap/tps/" + tps + "/ballots/PPWP/photos")
                .file(new MockMultipartFile("photo", "c1.jpg", "image/jpeg", bytes)).with(Tokens.kpps(tps)));
    }

    static byte[] resource(String name) throws Exception {
        try (InputStream in = SimilarPhotoApiTest.class.getResourceAsStream("/phash/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aReEncodedCopyOfAnotherTpsPhotoIsFlaggedADifferentFormIsNot() throws Exception {
        byte[] a = resource("form-a.jpg");
        upload(DESA + ".001", a).andExpect(status().isCreated())
                .andExpect(jsonPath("$.flags[*].code", not(hasItem("SIMILAR_PHOTO"))));
        byte[] copy = Variants.jpeg(ImageIO.read(new java.io.ByteArrayInputStream(a)), 0.8f);
        upload(DESA + ".002", copy).andExpect(status().isCreated())
                .andExpect(jsonPath("$.flags[*].code", hasItem("SIMILAR_PHOTO")))
                .andExpect(jsonPath("$.flags[*].code", not(hasItem("DUPLICATE_PHOTO"))));
        upload(DESA + ".003", resource("form-b.jpg")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.flags[*].code", not(hasItem("SIMILAR_PHOTO"))));
        // the byte-identical photo stays DUPLICATE_PHOTO (not flagged twice)
        upload(DESA + ".004", a).andExpect(status().isCreated())
                .andExpect(jsonPath("$.flags[*].code", hasItem("DUPLICATE_PHOTO")))
                .andExpect(jsonPath("$.flags[*].code", not(hasItem("SIMILAR_PHOTO"))));
    }
}
