package id.pemilu.portal.nik;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.portal.FakeBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class NikCheckPageTest {

    static final FakeBackend partyRegistry = new FakeBackend();

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        registry.add("pemilu.portal.party-registry-url", partyRegistry::url);
    }

    @AfterAll
    static void stop() {
        partyRegistry.close();
    }

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void clearCalls() {
        partyRegistry.calls.clear();
    }

    @Test
    void listedCitizenSeesOnlyThePartyNameAndCanComplain() throws Exception {
        partyRegistry.answer("POST /api/members/public/nik-check", 200,
                "{\"result\":\"LISTED\",\"parties\":[{\"partyId\":\"pnb\",\"name\":\"Partai Nusantara Baru\"}]}");
        mvc.perform(post("/cek-nik").param("nik", "3171014101900001").param("fullName", "Siti Aminah")
                        .header("X-Forwarded-For", "203.0.113.7")
                        .header("X-Pemilu-Gateway-Key", "dev-only-gateway-key-change-me"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("tercantum sebagai anggota")))
                .andExpect(content().string(containsString("Partai Nusantara Baru")))
                .andExpect(content().string(containsString("Ajukan pengaduan")));
        assertThat(partyRegistry.calls).singleElement().satisfies(call -> {
            assertThat(call.body()).contains("\"nik\":\"3171014101900001\"").contains("\"fullName\":\"Siti Aminah\"");
            assertThat(call.forwardedFor()).as("the citizen's address is passed on for per-client limits")
                    .isEqualTo("203.0.113.7");
            assertThat(call.gatewayKey()).as("with the key the service requires to believe it")
                    .isEqualTo("dev-only-gateway-key-change-me");
        });
    }

    @Test
    void anImpossibleNikIsExplainedAndNotSentOn() throws Exception {
        mvc.perform(post("/cek-nik").param("nik", "3171019908790011").param("fullName", "Siti Aminah"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("bukan tanggal lahir")));
        mvc.perform(post("/cek-nik").param("nik", "3171011708790000").param("fullName", "Siti Aminah"))
                .andExpect(content().string(containsString("0000")));
        assertThat(partyRegistry.calls).isEmpty();
    }

    @Test
    void anAddressWrittenByACallerThatSkippedTheGatewayIsNotPassedOn() throws Exception {
        partyRegistry.answer("POST /api/members/public/nik-check", 200, "{\"result\":\"NOT_FOUND\",\"parties\":[]}");
        mvc.perform(post("/cek-nik").param("nik", "3171014101900001").param("fullName", "Siti Aminah")
                .header("X-Forwarded-For", "198.51.100.99")).andExpect(status().isOk());
        assertThat(partyRegistry.calls).singleElement().satisfies(call ->
                assertThat(call.forwardedFor()).as("the socket address, not the forged one").isEqualTo("127.0.0.1"));
    }

    @Test
    void notFoundIsSaidPlainly() throws Exception {
        partyRegistry.answer("POST /api/members/public/nik-check", 200, "{\"result\":\"NOT_FOUND\"}");
        mvc.perform(post("/cek-nik").param("nik", "3171014101900002").param("fullName", "Budi"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("tidak ditemukan")))
                .andExpect(content().string(not(containsString("Ajukan pengaduan"))));
    }

    @Test
    void malformedNikIsRefusedBeforeAnythingIsSent() throws Exception {
        mvc.perform(post("/cek-nik").param("nik", "31710141").param("fullName", "Budi"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("NIK terdiri dari 16 angka")));
        assertThat(partyRegistry.calls).isEmpty();
    }

    @Test
    void rateLimitFromTheRegistryIsShownToTheCitizen() throws Exception {
        partyRegistry.answer("POST /api/members/public/nik-check", 429,
                "{\"status\":429,\"title\":\"Terlalu banyak permintaan\",\"detail\":\"Coba lagi dalam 60 detik.\"}");
        mvc.perform(post("/cek-nik").param("nik", "3171014101900003").param("fullName", "Budi"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Coba lagi dalam 60 detik.")));
    }

    @Test
    void complaintIsFiledAndItsReferenceShown() throws Exception {
        partyRegistry.answer("POST /api/members/public/complaints", 202,
                "{\"complaintId\":\"ADU-0001\",\"status\":\"DITERIMA\",\"answerDeadline\":\"2028-03-01T00:00:00Z\"}");
        mvc.perform(post("/cek-nik/pengaduan").param("nik", "3171014101900001").param("fullName", "Siti Aminah")
                        .param("partyId", "pnb")
                        .param("statement", "Saya tidak pernah mendaftar."))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ADU-0001")))
                .andExpect(content().string(containsString("2028-03-01")));
        assertThat(partyRegistry.calls).singleElement()
                .satisfies(call -> assertThat(call.body()).contains("Saya tidak pernah mendaftar.")
                        .contains("\"partyId\":\"pnb\""));
    }
}
