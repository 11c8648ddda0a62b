package id.pemilu.partyregistry.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.common.events.EventExchanges;
import id.pemilu.common.test.Tokens;
import id.pemilu.common.web.ClientAddress;
import id.pemilu.partyregistry.member.Niks;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
class CitizenApiTest {

    static final LocalDate BORN = LocalDate.of(1979, 8, 17);
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The throwaway dev value of pemilu.gateway.key (pemilu-common.yml), as the gateway would send it. */
    static final String DEV_GATEWAY_KEY = "dev-only-gateway-key-change-me";

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    RabbitAdmin admin;

    void partyWithMember(String partyId, String nik, String name) throws Exception {
        mvc.perform(post("/api/parties").with(Tokens.kpuRi()).contentType(MediaType.APPLICATION_JSON).content("""
                {"id":"%s","name":"Partai Warga %s","abbreviation":"%S",
                 "leadership":[{"name":"Rina","role":"Ketua","gender":"P"}],"branches":[{"regionCode":"31.71"}]}
                """.formatted(partyId, partyId, partyId))).andExpect(status().isCreated());
        String csv = "nik,nama,jenis_kelamin,tanggal_lahir,no_kta,kabkota\n" + nik + "," + name + ",L,"
                + BORN + ",KTA-1,31.71\n";
        mvc.perform(multipart("/api/parties/" + partyId + "/member-imports").file(new MockMultipartFile("file",
                        "a.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))).param("wait", "true")
                .with(Tokens.partyOperator(partyId))).andExpect(status().isCreated());
    }

    ResultActions check(String client, String nik, String name) throws Exception {
        return mvc.perform(post("/api/members/public/nik-check").header("X-Forwarded-For", client)
                .header(ClientAddress.GATEWAY_KEY_HEADER, DEV_GATEWAY_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"nik\":\"" + nik + "\",\"fullName\":\"" + name + "\"}"));
    }

    @Test
    void aCitizenLearnsNothingWithoutTheMatchingName() throws Exception {
        String nik = Niks.of("31.71.02", BORN, "L", 11);
        partyWithMember("wga", nik, "Hendra Wijaya");
        String client = "203.0.113." + (int) (Math.random() * 200);
        String listed = check(client, nik, "hendra  WIJAYA").andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("LISTED"))
                .andExpect(jsonPath("$.parties[0].partyId").value("wga"))
                .andExpect(jsonPath("$.parties[0].name").value("Partai Warga wga"))
                .andReturn().getResponse().getContentAsString();
        assertThat(listed).doesNotContain("31.71").doesNotContain("KTA");
        String wrongName = check(client, nik, "Hendra").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String unknown = check(client, Niks.of("31.71.02", BORN, "L", 12), "Hendra Wijaya")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(wrongName).isEqualTo(unknown).isEqualTo("{\"result\":\"NOT_FOUND\",\"parties\":[]}");
        check(client, "12345", "Hendra").andExpect(status().isBadRequest());
        long logged = mongo.count(Query.query(Criteria.where("client").is(client)), CitizenGuard.LOG);
        assertThat(logged).isEqualTo(3);
    }

    @Test
    void lookupsAreRateLimitedPerNikAndPerClient() throws Exception {
        String nik = Niks.of("31.71.03", BORN, "L", 21);
        for (int i = 0; i < 5; i++) {
            check("198.51.100." + i, nik, "Siapa Saja").andExpect(status().isOk());
        }
        check("198.51.100.99", nik, "Siapa Saja").andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        String client = "192.0.2.77";
        for (int i = 0; i < 10; i++) {
            check(client, Niks.of("31.71.03", BORN, "L", 100 + i), "Siapa Saja").andExpect(status().isOk());
        }
        check(client, Niks.of("31.71.03", BORN, "L", 200), "Siapa Saja").andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*")));
        // a forged first entry does not make a new client: the gateway appends the real address last
        check("198.18.0.1, " + client, Niks.of("31.71.03", BORN, "L", 201), "Siapa Saja")
                .andExpect(status().isTooManyRequests());
        assertThat(mongo.count(Query.query(Criteria.where("result").is("RATE_LIMITED")), CitizenGuard.LOG))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void impossibleNiksAreRefusedBeforeAnyLookup() throws Exception {
        String client = "192.0.2.150";
        check(client, "3171019908790011", "Siapa Saja").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("tanggal lahir")));
        check(client, "3171011708790000", "Siapa Saja").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("0000")));
        check(client, "9999991708790011", "Siapa Saja").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("kecamatan")));
        check(client, Niks.of("31.71.03", BORN, "L", 77), "N".repeat(100_000)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("terlalu panjang")));
        assertThat(mongo.count(Query.query(Criteria.where("client").is(client)), CitizenGuard.LOG)).isZero();
    }

    @Test
    void aDirectCallerCannotChooseItsAddressWithoutTheGatewayKey() throws Exception {
        String nik = Niks.of("31.71.03", BORN, "L", 300);
        for (int i = 0; i < 10; i++) {
            mvc.perform(post("/api/members/public/nik-check").with(remote("192.0.2.200"))
                    .header("X-Forwarded-For", "198.18.1." + i).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"nik\":\"" + Niks.of("31.71.03", BORN, "L", 300 + i) + "\",\"fullName\":\"A B\"}"))
                    .andExpect(status().isOk());
        }
        mvc.perform(post("/api/members/public/nik-check").with(remote("192.0.2.200"))
                        .header("X-Forwarded-For", "198.18.1.99").header(ClientAddress.GATEWAY_KEY_HEADER, "guessed")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nik\":\"" + Niks.of("31.71.03", BORN, "L", 399) + "\",\"fullName\":\"A B\"}"))
                // every forged X-Forwarded-For was counted against the one socket address
                .andExpect(status().isTooManyRequests());
        assertThat(mongo.count(Query.query(Criteria.where("client").is("198.18.1.1")), CitizenGuard.LOG)).isZero();
        // through the gateway (its key): the forwarded address is the client, with its own bucket
        check("192.0.2.201", nik, "A B").andExpect(status().isOk());
    }

    static org.springframework.test.web.servlet.request.RequestPostProcessor remote(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void aComplaintDisputesTheMemberAndEndsInAFinalLoggedRemovalSentAsEvents() throws Exception {
        Queue queue = new Queue("party-registry-test-" + UUID.randomUUID(), false, false, false);
        admin.declareQueue(queue);
        for (String key : new String[]{"PartyMemberDisputed", "PartyMemberRemoved"}) {
            admin.declareBinding(BindingBuilder.bind(queue).to(new TopicExchange(EventExchanges.DOMAIN_EVENTS))
                    .with(key));
        }
        try {
            String nik = Niks.of("31.71.04", BORN, "L", 31);
            partyWithMember("wgb", nik, "Teguh Prasetyo");
            String filed = mvc.perform(post("/api/members/public/complaints").header("X-Forwarded-For", "192.0.2.5")
                            .contentType(MediaType.APPLICATION_JSON).content("""
                                    {"nik":"%s","fullName":"Teguh Prasetyo","partyId":"wgb",
                                     "statement":"Saya tidak pernah mendaftar ke partai ini.",
                                     "contact":"0812-5555-0101"}""".formatted(nik)))
                    .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
            String complaintId = JSON.readTree(filed).get("complaintId").asString();
            // the party complained about never learns how to reach the complainant; KPU and Bawaslu do
            String partyView = mvc.perform(get("/api/parties/wgb/complaints").with(Tokens.partyOperator("wgb")))
                    .andExpect(status().isOk()).andExpect(jsonPath("$[0].statement").exists())
                    .andReturn().getResponse().getContentAsString();
            assertThat(partyView).doesNotContain("0812-5555-0101");
            mvc.perform(get("/api/members/complaints").with(Tokens.bawaslu()))
                    .andExpect(jsonPath("$[?(@.id=='" + complaintId + "')].contact").value("0812-5555-0101"));

            String members = mvc.perform(get("/api/parties/wgb/members").with(Tokens.partyOperator("wgb")))
                    .andExpect(jsonPath("$[0].status").value("DISPUTED"))
                    .andExpect(jsonPath("$[0].counted").value(false))
                    .andReturn().getResponse().getContentAsString();
            String memberId = JSON.readTree(members).get(0).get("memberId").asString();

            mvc.perform(post("/api/parties/wgb/complaints/" + complaintId + "/answer")
                    .with(Tokens.partyOperator("wgc")).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"statement\":\"x\"}")).andExpect(status().isForbidden());
            mvc.perform(post("/api/members/complaints/" + complaintId + "/decision")
                            .with(Tokens.kpu("kpu-kabkota", "31.71")).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"decision\":\"REMOVE\",\"reason\":\"cepat\"}"))
                    .andExpect(status().isConflict());
            mvc.perform(post("/api/parties/wgb/complaints/" + complaintId + "/answer")
                            .with(Tokens.partyOperator("wgb")).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"statement\":\"Formulir pendaftaran tidak ditemukan.\"}"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ANSWERED"))
                    .andExpect(jsonPath("$.contact").doesNotExist());
            mvc.perform(post("/api/members/complaints/" + complaintId + "/decision")
                            .with(Tokens.kpu("kpu-kabkota", "32.73")).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"decision\":\"REMOVE\",\"reason\":\"x\"}"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/members/complaints/" + complaintId + "/decision")
                            .with(Tokens.kpu("kpu-kabkota", "31.71")).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"decision\":\"REMOVE\",\"reason\":\"Partai tidak punya bukti pendaftaran.\"}"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REMOVED"));
            mvc.perform(post("/api/members/complaints/" + complaintId + "/decision")
                            .with(Tokens.kpuRi()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"decision\":\"KEEP\",\"reason\":\"ubah\"}"))
                    .andExpect(status().isConflict());

            mvc.perform(get("/api/parties/wgb/members/" + memberId).with(Tokens.kpuRi()))
                    .andExpect(jsonPath("$.status").value("REMOVED"))
                    .andExpect(jsonPath("$.history[-1].by").value("kpu-kabkota-31.71"));
            check("192.0.2.6", nik, "Teguh Prasetyo").andExpect(jsonPath("$.result").value("NOT_FOUND"));
            mvc.perform(get("/api/members/complaints").with(Tokens.bawaslu()))
                    .andExpect(jsonPath("$[?(@.id=='" + complaintId + "')].decision.decision").value("REMOVE"));
            mvc.perform(get("/api/members/complaints").with(Tokens.partyOperator("wgb")))
                    .andExpect(status().isForbidden());

            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 10 && seen.size() < 2; i++) {
                Message m = rabbit.receive(queue.getName(), 5_000);
                if (m != null) {
                    JsonNode event = JSON.readTree(m.getBody());
                    if (event.get("partyId").asString().equals("wgb")) {
                        assertThat(event.get("nikHash").asString()).isEqualTo(memberId).doesNotContain(nik);
                        seen.add(m.getMessageProperties().getType());
                    }
                }
            }
            assertThat(seen).containsExactlyInAnyOrder("PartyMemberDisputed", "PartyMemberRemoved");
        } finally {
            admin.deleteQueue(queue.getName());
        }
    }

    @Test
    void aComplaintNeedsTheExactListingAndIsPublicWhileStaffPagesAreNot() throws Exception {
        String nik = Niks.of("31.71.05", BORN, "L", 41);
        partyWithMember("wgd", nik, "Rudi Hartono");
        mvc.perform(post("/api/members/public/complaints").header("X-Forwarded-For", "192.0.2.9")
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"nik":"%s","fullName":"Orang Lain","partyId":"wgd","statement":"bukan saya"}"""
                        .formatted(nik))).andExpect(status().isNotFound());
        mvc.perform(get("/api/parties/wgd/members").with(Tokens.partyOperator("wgd")))
                .andExpect(jsonPath("$[0].status").value("PENDING"));
        mvc.perform(get("/api/members/complaints")).andExpect(status().isUnauthorized());
    }
}
