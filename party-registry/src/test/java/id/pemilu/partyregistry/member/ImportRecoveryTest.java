package id.pemilu.partyregistry.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.common.test.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class ImportRecoveryTest {

    static final LocalDate BORN = LocalDate.of(1975, 2, 2);

    @Autowired
    MockMvc mvc;
    @Autowired
    MemberImporter importer;
    @Autowired
    MemberImports imports;
    @Autowired
    Members members;
    @Autowired
    MemberService service;

    void party(String id) throws Exception {
        mvc.perform(post("/api/parties").with(Tokens.kpuRi()).contentType(MediaType.APPLICATION_JSON).content("""
                {"id":"%s","name":"Partai %s","abbreviation":"%S",
                 "leadership":[{"name":"Rina","role":"Ketua","gender":"P"}],"branches":[{"regionCode":"31.71"}]}
                """.formatted(id, id, id))).andExpect(status().isCreated());
    }

    @Test
    void aBackgroundImportReportsProgressAndBecomesVisibleOnlyWhenComplete() throws Exception {
        party("ira");
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 1100; i++) {
            rows.add(MemberFiles.row(Niks.of("31.71.07", BORN, "L", 1 + i), "Anggota " + i, "L", BORN.toString(),
                    "K" + i, "31.71"));
        }
        mvc.perform(multipart("/api/parties/ira/member-imports").file(new MockMultipartFile("file", "besar.csv",
                        "text/csv", MemberFiles.csv(rows).getBytes(StandardCharsets.UTF_8)))
                .with(Tokens.partyOperator("ira")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("RUNNING"))
                .andExpect(jsonPath("$.rowsTotal").value(1100));
        importer.drain();
        mvc.perform(get("/api/parties/ira/member-imports").with(Tokens.partyOperator("ira")))
                .andExpect(jsonPath("$[0].status").value("COMPLETED"))
                .andExpect(jsonPath("$[0].rowsDone").value(1100))
                .andExpect(jsonPath("$[0].imported").value(1100));
        assertThat(service.countedPerKabKota("ira")).containsEntry("31.71", 1100L);
    }

    @Test
    void rowsOfAnImportInterruptedByARestartAreInvisibleAndRemovedAtStartup() throws Exception {
        party("irb");
        MemberImport interrupted = imports.save(new MemberImport("irb-interrupted", "irb", "x.csv", "00", 10, 1,
                "operator-irb"));
        String nik = Niks.of("31.71.07", BORN, "P", 9001);
        MemberRow row = new MemberRow(nik, "Setengah Jalan", "P", BORN, "K1", "31.71");
        Person person = new Person(service.hash(nik), "x", "x");
        person.getMemberships().add(new Membership("irb", row, java.util.Set.of(),
                new SourceRow(interrupted.getId(), 2)));
        members.insert(person);

        assertThat(service.listings(service.hash(nik), "Setengah Jalan")).isEmpty();
        assertThat(service.countedPerKabKota("irb")).isEmpty();

        importer.cleanUpInterruptedImports();
        assertThat(imports.find("irb-interrupted")).get().extracting(MemberImport::getStatus)
                .isEqualTo(MemberImport.Status.FAILED);
        assertThat(members.find(service.hash(nik))).get()
                .satisfies(p -> assertThat(p.getMemberships()).isEmpty());
    }
}
