package id.pemilu.partyregistry.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.common.test.Tokens;
import id.pemilu.common.domain.DomainException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
class MemberImportApiTest {

    static final LocalDate BORN = LocalDate.of(1985, 3, 9);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    MemberImporter importer;
    @Autowired
    MemberImports imports;

    void registerParty(String id) throws Exception {
        mvc.perform(post("/api/parties").with(Tokens.kpuRi()).contentType(MediaType.APPLICATION_JSON).content("""
                {"id":"%s","name":"Partai %s","abbreviation":"%S",
                 "leadership":[{"name":"Rina","role":"Ketua","gender":"P"}],
                 "branches":[{"regionCode":"31"},{"regionCode":"31.71"},{"regionCode":"31.71.01"}]}
                """.formatted(id, id, id))).andExpect(status().isCreated());
    }

    ResultActions upload(String partyId, String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/parties/" + partyId + "/member-imports").file(
                        new MockMultipartFile("file", name, "text/csv", content)).param("wait", "true")
                .with(Tokens.partyOperator(partyId)));
    }

    static String nik(int serial) {
        return Niks.of("31.71.01", BORN, "L", serial);
    }

    static String member(int serial, String name) {
        return MemberFiles.row(nik(serial), name, "L", BORN.toString(), "KTA-" + serial, "31.71");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> memberOf(String partyId, String flag) throws Exception {
        String body = mvc.perform(get("/api/parties/" + partyId + "/members").param("flag", flag)
                .with(Tokens.partyOperator(partyId))).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> list = JSON.readValue(body, List.class);
        return list.isEmpty() ? null : list.get(0);
    }

    @Test
    void theImportReportNeverHandsASpreadsheetAFormula() throws Exception {
        registerParty("mrx");
        byte[] csv = MemberFiles.csv(List.of(
                MemberFiles.row("=HYPERLINK(\"\"http://contoh.example\"\";\"\"klik\"\")", "Rumus Satu", "L",
                        BORN.toString(), "KTA-1", "31.71"),
                MemberFiles.row("+cmd|' /C calc'!A0", "Rumus Dua", "L", BORN.toString(), "KTA-2", "31.71"),
                MemberFiles.row(nik(120), "@SUM(A1)", "L", "=1+1", "KTA-3", "31.71"),
                MemberFiles.row(nik(121), "Nama\u202Eterbalik", "L", BORN.toString(), "KTA-4", "31.71")))
                .getBytes(StandardCharsets.UTF_8);
        upload("mrx", "rumus.csv", csv).andExpect(status().isCreated());
        String importId = imports.ofParty("mrx").get(0).getId();
        String report = mvc.perform(get("/api/parties/mrx/member-imports/" + importId + "/report")
                .with(Tokens.partyOperator("mrx"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String[] lines = report.split("\n");
        assertThat(lines).hasSizeGreaterThan(3);
        for (String line : java.util.Arrays.copyOfRange(lines, 1, lines.length)) {
            for (String cell : line.split(",(?=\")")) {
                assertThat(cell).as("every cell quoted: " + line).startsWith("\"");
                assertThat(cell.substring(1)).as("no cell starts a formula: " + line).doesNotStartWith("=")
                        .doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@");
            }
        }
        assertThat(report).contains("U+202E");
    }

    @Test
    void importFlagsEveryKindOfProblemAndReimportingChangesNothing() throws Exception {
        registerParty("mia");
        registerParty("mib");
        // another party lists serial 104 first; KPU uploads its staff list with serial 105
        upload("mib", "mib.csv", MemberFiles.csv(List.of(member(104, "Dewi Lestari")))
                .getBytes(StandardCharsets.UTF_8)).andExpect(status().isCreated());
        mvc.perform(post("/api/members/officials").with(Tokens.kpu("kpu-kabkota", "31.71"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"agency\":\"KPU Kota Jakarta Pusat\",\"niks\":[\"" + nik(105) + "\"]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.stored").value(1));

        LocalDate young = LocalDate.now().minusYears(16);
        byte[] csv = MemberFiles.csv(List.of(
                member(101, "Ahmad Fauzi"),
                member(102, "Bambang Sutrisno"),
                member(102, "Bambang Sutrisno"),
                MemberFiles.row("31710199", "Salah NIK", "L", BORN.toString(), "KTA-9", "31.71"),
                MemberFiles.row(nik(103), "Tanggal Beda", "L", BORN.plusDays(2).toString(), "KTA-103", "31.71"),
                member(104, "Dewi Lestari"),
                member(105, "Petugas KPU"),
                MemberFiles.row(Niks.of("31.71.01", young, "L", 106), "Masih Muda", "L", young.toString(), "K106",
                        "31.71"),
                MemberFiles.row(nik(107), "Kota Salah", "L", BORN.toString(), "KTA-107", "99.99"))).getBytes(
                StandardCharsets.UTF_8);
        upload("mia", "anggota.csv", csv).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.rowsTotal").value(9))
                .andExpect(jsonPath("$.imported").value(8))
                .andExpect(jsonPath("$.rejected").value(1));

        assertThat(memberOf("mia", "DUPLICATE")).containsEntry("fullName", "Bambang Sutrisno");
        assertThat(memberOf("mia", "INVALID_NIK")).containsEntry("fullName", "Salah NIK");
        assertThat(memberOf("mia", "DATA_MISMATCH")).containsEntry("fullName", "Tanggal Beda");
        assertThat(memberOf("mia", "OTHER_PARTY")).containsEntry("fullName", "Dewi Lestari")
                .containsEntry("counted", false);
        assertThat(memberOf("mib", "OTHER_PARTY")).as("both parties' entries are flagged")
                .containsEntry("fullName", "Dewi Lestari");
        assertThat(memberOf("mia", "OFFICIAL")).containsEntry("fullName", "Petugas KPU");
        assertThat(memberOf("mia", "UNDERAGE")).containsEntry("fullName", "Masih Muda");
        mvc.perform(get("/api/parties/mia/members").with(Tokens.partyOperator("mia")))
                .andExpect(jsonPath("$[?(@.fullName=='Ahmad Fauzi')].nik").value(nik(101)))
                .andExpect(jsonPath("$[?(@.fullName=='Ahmad Fauzi')].counted").value(true))
                .andExpect(jsonPath("$[?(@.fullName=='Ahmad Fauzi')].flags.length()").value(0));
        // a part of the name, any case, finds the member among the others
        mvc.perform(get("/api/parties/mia/members").param("name", "ahmad f").with(Tokens.partyOperator("mia")))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].fullName").value("Ahmad Fauzi"));

        String importId = imports.ofParty("mia").get(0).getId();
        String report = mvc.perform(get("/api/parties/mia/member-imports/" + importId + "/report")
                .with(Tokens.partyOperator("mia"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(report).contains("REJECTED").contains("Kode kab/kota tidak dikenal: 99.99")
                .contains("DUPLICATE").contains("OFFICIAL").doesNotContain(nik(101));

        upload("mia", "anggota-lagi.csv", csv).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(importId));
        assertThat(imports.ofParty("mia")).hasSize(1);
        // counted: Ahmad and Bambang (an identical duplicate counts once); every other row is flagged
        mvc.perform(get("/api/parties/mia/requirements").with(Tokens.partyOperator("mia")))
                .andExpect(jsonPath("$.rules[4].failing[0]").value("31.71: 2/1000 anggota"));
    }

    @Test
    void malformedFilesAreRefusedWithA400AndNothingIsImported() throws Exception {
        registerParty("mic");
        upload("mic", "kolom.csv", "nik,nama\n1234,Budi\n".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Kolom wajib")));
        byte[] latin1 = MemberFiles.csv(List.of(member(201, "Andr\u00e9 K\u00f6nig")))
                .getBytes(StandardCharsets.ISO_8859_1);
        upload("mic", "latin1.csv", latin1).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("UTF-8")));
        upload("mic", "kosong.csv", (MemberFiles.HEADER + "\n").getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest());
        upload("mic", "nol.csv", new byte[0]).andExpect(status().isBadRequest());
        upload("mic", "rusak.xlsx", "PK\u0003\u0004 not a zip".getBytes(StandardCharsets.ISO_8859_1))
                .andExpect(status().isBadRequest());
        assertThat(imports.ofParty("mic")).isEmpty();
        mvc.perform(get("/api/parties/mic/members").with(Tokens.partyOperator("mic")))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void aFileOver150MbIsRefusedWhileStreamingAndNothingIsKept() throws Exception {
        registerParty("mid");
        long size = 200L * 1024 * 1024;
        InputStream huge = new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'a' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'a');
                left -= n;
                return n;
            }
        };
        try {
            importer.start("mid", "besar.csv", huge, "operator-mid", true);
            org.junit.jupiter.api.Assertions.fail("expected a refusal");
        } catch (DomainException e) {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.TOO_LARGE);
            assertThat(e.getMessage()).contains("tidak ada yang diimpor");
        }
        assertThat(imports.ofParty("mid")).isEmpty();
    }

    @Test
    void anXlsxListIsReadRowByRow() throws Exception {
        registerParty("mie");
        byte[] xlsx = MemberFiles.xlsx(List.of(
                List.of("NIK", "Nama", "Jenis Kelamin", "Tanggal Lahir", "No KTA", "KabKota"),
                List.of(nik(301), "Siti Nurhaliza", "P", BORN.toString(), "KTA-301", "31.71"),
                List.of(Niks.of("31.71.01", BORN, "P", 302), "Rahmawati", "P", "31115", "KTA-302", "31.71")));
        upload("mie", "anggota.xlsx", xlsx).andExpect(status().isCreated())
                .andExpect(jsonPath("$.imported").value(2));
        // 31115 is Excel's day serial for 1985-03-09
        assertThat(memberOf("mie", "DATA_MISMATCH")).containsEntry("fullName", "Siti Nurhaliza");
        mvc.perform(get("/api/parties/mie/members").with(Tokens.partyOperator("mie")))
                .andExpect(jsonPath("$[?(@.fullName=='Rahmawati')].flags[0]").doesNotExist());
    }

    @Test
    void anOperatorCannotSeeOrChangeAnotherPartysMembers() throws Exception {
        registerParty("mif");
        upload("mif", "a.csv", MemberFiles.csv(List.of(member(401, "Joko"))).getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/parties/mif/members").with(Tokens.partyOperator("mig")))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/parties/mif/member-imports").file(new MockMultipartFile("file", "x.csv",
                        "text/csv", MemberFiles.csv(List.of(member(402, "Eko"))).getBytes(StandardCharsets.UTF_8)))
                .with(Tokens.partyOperator("mig"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/parties/mif/members")).andExpect(status().isUnauthorized());
    }

    @Test
    void kpuKabKotaVerifiesMembersOfItsOwnRegionOnly() throws Exception {
        registerParty("mih");
        upload("mih", "a.csv", MemberFiles.csv(List.of(member(501, "Yusuf"))).getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isCreated());
        String id = (String) memberOf("mih", null).get("memberId");
        String path = "/api/parties/mih/members/" + id + "/verification";
        mvc.perform(put(path).with(Tokens.kpu("kpu-kabkota", "32.73")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"result\":\"MS\"}")).andExpect(status().isForbidden());
        mvc.perform(put(path).with(Tokens.partyOperator("mih")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"result\":\"MS\"}")).andExpect(status().isForbidden());
        mvc.perform(put(path).with(Tokens.kpu("kpu-kabkota", "31.71")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"result\":\"TMS\"}")).andExpect(status().isBadRequest());
        mvc.perform(put(path).with(Tokens.kpu("kpu-kabkota", "31.71")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"result\":\"TMS\",\"reason\":\"KTP tidak sesuai\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("TMS"))
                .andExpect(jsonPath("$.counted").value(false));
        mvc.perform(put(path).with(Tokens.kpu("kpu-kabkota", "31.71")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"result\":\"MS\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("MS"))
                .andExpect(jsonPath("$.history[-1].by").value("kpu-kabkota-31.71"));
        mvc.perform(get("/api/parties/mih/members/" + id).with(Tokens.bawaslu()))
                .andExpect(jsonPath("$.nik").value(org.hamcrest.Matchers.matchesPattern("\\*{12}[0-9]{4}")))
                // with the birth date and gender beside the mask, the hidden digits could be rebuilt
                .andExpect(jsonPath("$.birthDate").doesNotExist())
                .andExpect(jsonPath("$.gender").doesNotExist());
    }
}
