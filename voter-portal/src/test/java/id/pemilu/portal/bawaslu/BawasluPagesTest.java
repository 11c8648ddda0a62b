package id.pemilu.portal.bawaslu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.portal.kpps.FakeServices;
import id.pemilu.verifier.MerkleProofs;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Bawaslu's oversight pages with MockMvc and a stand-in recap-service: the TPS page (numbers, trail, original photo
 * with EXIF and its hash recomputed, log entries with their inclusion proofs checked), the recommendation form, and
 * the refusals: others may not open the pages, and Bawaslu may not change anything (a hand-made request gets 403).
 */
@SpringBootTest
@AutoConfigureMockMvc
public class BawasluPagesTest {

    static final String TPS = "31.71.01.1001.001";
    static final String SUBMISSION = "5d1c7a3e-0f4b-3a11-8e2d-9c0b1a2f3e4d";
    static final FakeServices services = new FakeServices();
    static final byte[] ORIGINAL = jpegWithExif("KameraUji", "Ponsel-9");

    @Autowired
    MockMvc mvc;
    @Autowired
    ClientRegistrationRepository registrations;

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        registry.add("pemilu.portal.recap-service-url", services::url);
        registry.add("pemilu.portal.sign-in.issuer", () -> services.url() + "/realms/pemilu");
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    RequestPostProcessor as(String username, String role, Map<String, String> scope) {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("keycloak"))
                .idToken(token -> {
                    token.claim("preferred_username", username).claim("name", username)
                            .claim("realm_access", Map.of("roles", List.of(role)));
                    scope.forEach(token::claim);
                })
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    RequestPostProcessor bawaslu() {
        return as("bawaslu.ri", "bawaslu", Map.of());
    }

    @BeforeEach
    void answers() throws Exception {
        services.calls.clear();
        services.json("GET /api/recap/public/tps/" + TPS, 200, """
                {"tpsCode":"%s","path":[{"code":"31","name":"DKI JAKARTA"},{"code":"31.71.01","name":"GAMBIR"}],
                 "dpt":210,"ballots":[{"ballotType":"PPWP","status":"corrected","resultVersion":2}],
                 "openReports":{"total":1,"byReason":[]},"openRecommendations":0}""".formatted(TPS));
        services.json("GET /api/recap/tps/" + TPS + "/ballots/PPWP", 200, """
                {"tpsCode":"%s","ballotType":"PPWP","status":"corrected","resultVersion":2,"submissionId":"%s",
                 "values":[{"key":"votes.candidate.1","value":103},{"key":"votes.valid","value":205}],"flags":[],
                 "photos":[{"page":1,"sha256":"%s"}],
                 "history":[{"resultVersion":1,"status":"SUBMITTED","by":"kpps.gambir.1","role":"kpps",
                   "at":"2029-02-14T10:00:00Z","reason":null},
                  {"resultVersion":2,"status":"CORRECTED","by":"ppk.gambir","role":"ppk",
                   "at":"2029-02-15T09:00:00Z","reason":"Dicocokkan dengan C.Hasil kertas"}]}"""
                .formatted(TPS, SUBMISSION, BawasluController.sha256(ORIGINAL)));
        services.bytes("GET /api/recap/submissions/" + SUBMISSION + "/photos/1/original", "image/jpeg", ORIGINAL);
        services.json("GET /api/recap/public/log/tps/" + TPS + "/PPWP", 200, log(false));
        services.json("POST /api/recap/recommendations", 201, "{\"id\":\"RB-1a2b3c4d\",\"status\":\"open\"}");
        services.json("GET /api/recap/recommendations?region=ID", 200, "[{\"id\":\"RB-1a2b3c4d\",\"target\":\""
                + TPS + "\",\"targetKind\":\"TPS\",\"ballotType\":\"PPWP\",\"kindLabel\":\"Penghitungan suara "
                + "ulang\",\"reason\":\"Saksi melihat salah hitung\",\"status\":\"open\","
                + "\"recordedAt\":\"2029-02-15T10:00:00Z\"}]");
    }

    @Test
    void bawasluSeesTheTrailTheOriginalWithItsHashAndTheLogProofs() throws Exception {
        String page = mvc.perform(get("/bawaslu/tps/" + TPS).with(bawaslu())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Hanya baca", "Dicocokkan dengan C.Hasil kertas", "ppk.gambir", "(ppk)",
                "/bawaslu/foto/" + SUBMISSION + "/1", BawasluController.sha256(ORIGINAL), "cocok", "KameraUji",
                "Ponsel-9", "Data GPS", "Bukti inklusi sah", "3</span> entri", "#2");
        assertThat(services.calls("GET /api/recap/tps/" + TPS).get(0).authorization()).startsWith("Bearer ");
        // the original as sent, EXIF and all
        byte[] photo = mvc.perform(get("/bawaslu/foto/" + SUBMISSION + "/1").with(bawaslu()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(photo).isEqualTo(ORIGINAL);
        // a log whose entry was changed after the proof was made fails the check, and the page says so
        services.json("GET /api/recap/public/log/tps/" + TPS + "/PPWP", 200, log(true));
        mvc.perform(get("/bawaslu/tps/" + TPS).with(bawaslu())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Bukti inklusi GAGAL")));
        mvc.perform(get("/bawaslu").with(bawaslu())).andExpect(status().isOk())
                .andExpect(content().string(containsString("RB-1a2b3c4d")));
    }

    @Test
    void aRecommendationIsSentWithTheOfficersToken() throws Exception {
        mvc.perform(post("/bawaslu/tps/" + TPS + "/rekomendasi").with(bawaslu()).with(csrf())
                        .param("ballotType", "PPWP").param("kind", "RECOUNT")
                        .param("reason", "Saksi melihat surat suara tidak sah dihitung sah"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/bawaslu/tps/" + TPS + "#rekomendasi"));
        var call = services.calls("POST /api/recap/recommendations").get(0);
        assertThat(call.authorization()).startsWith("Bearer ");
        assertThat(call.text()).contains("\"target\":\"" + TPS + "\"", "\"kind\":\"RECOUNT\"", "dihitung sah");
    }

    @Test
    void onlyBawasluOpensThePagesAndBawasluChangesNothing() throws Exception {
        mvc.perform(get("/bawaslu/tps/" + TPS)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/oauth2/authorization/keycloak"));
        mvc.perform(get("/bawaslu/tps/" + TPS).with(as("kpps.gambir.1", "kpps", Map.of("tps_code", TPS))))
                .andExpect(status().isForbidden()).andExpect(content().string(containsString("untuk Bawaslu")));
        // a hand-made confirmation or upload as Bawaslu: refused, in words, nothing reaches recap-service
        mvc.perform(post("/kpps/kiriman/" + SUBMISSION + "/konfirmasi").with(bawaslu()).with(csrf())
                        .param("votes.candidate.1", "1"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Bawaslu mengawasi dan tidak dapat mengubah")));
        assertThat(services.calls("POST /api/recap/tps")).isEmpty();
        // signing in lands on /kpps; Bawaslu is sent on to its own pages
        mvc.perform(get("/kpps").with(bawaslu())).andExpect(redirectedUrl("/bawaslu"));
        mvc.perform(get("/bawaslu").with(bawaslu())).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("TPS saya"))))
                .andExpect(content().string(containsString("href=\"/bawaslu\"")));
    }

    /** A log answer with three entries of the TPS, proofs made here (RFC 9162) and a head signed with a fresh key. */
    public static String log(boolean tampered) throws Exception {
        String[] data = {
            "{\"v\":1,\"kind\":\"photo\",\"page\":1,\"sha256\":\"ab\",\"actor\":\"kpps.gambir.1\",\"role\":\"kpps\"}",
            "{\"v\":1,\"kind\":\"result\",\"action\":\"confirm\",\"version\":1,\"status\":\"submitted\","
                    + "\"actor\":\"kpps.gambir.1\",\"role\":\"kpps\"}",
            "{\"v\":1,\"kind\":\"result\",\"action\":\"correct\",\"version\":2,\"status\":\"corrected\","
                    + "\"actor\":\"ppk.gambir\",\"role\":\"ppk\",\"reason\":\"Dicocokkan dengan C.Hasil kertas\"}"};
        byte[][] leaves = new byte[3][];
        MerkleProofs.RootBuilder tree = new MerkleProofs.RootBuilder();
        for (int i = 0; i < 3; i++) {
            leaves[i] = MerkleProofs.leafHash(data[i].getBytes(StandardCharsets.UTF_8));
            tree.add(leaves[i]);
        }
        HexFormat hex = HexFormat.of();
        String root = hex.formatHex(tree.root());
        List<List<String>> paths = List.of(List.of(hex.formatHex(leaves[1]), hex.formatHex(leaves[2])),
                List.of(hex.formatHex(leaves[0]), hex.formatHex(leaves[2])),
                List.of(hex.formatHex(MerkleProofs.nodeHash(leaves[0], leaves[1]))));
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        long timestamp = 1_800_000_000_000L;
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key.getPrivate());
        signer.update(("pemilu-translog-sth-v1\n3\n" + root + "\n" + timestamp).getBytes(StandardCharsets.UTF_8));
        String signature = Base64.getEncoder().encodeToString(signer.sign());
        if (tampered) {
            data[2] = data[2].replace("\"version\":2", "\"version\":3");
        }
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            entries.append(i == 0 ? "" : ",").append("{\"index\":").append(i).append(",\"data\":")
                    .append(quote(data[i])).append(",\"path\":[\"").append(String.join("\",\"", paths.get(i)))
                    .append("\"]}");
        }
        return "{\"index\":2,\"data\":" + quote(data[2]) + ",\"head\":{\"treeSize\":3,\"rootHash\":\"" + root
                + "\",\"timestamp\":" + timestamp + ",\"signature\":\"" + signature + "\",\"keyId\":\"uji\","
                + "\"publicKey\":\"" + Base64.getEncoder().encodeToString(key.getPublic().getEncoded())
                + "\",\"devKey\":true},\"entries\":[" + entries + "]}";
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Bytes shaped like a JPEG with an EXIF block (IFD0: Make, Model; a GPS pointer), enough for ExifSummary. */
    public static byte[] jpegWithExif(String make, String model) {
        byte[] makeBytes = (make + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] modelBytes = (model + "\0").getBytes(StandardCharsets.US_ASCII);
        int entries = 3;
        int ifdSize = 2 + entries * 12 + 4;
        ByteBuffer tiff = ByteBuffer.allocate(8 + ifdSize + makeBytes.length + modelBytes.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort((short) entries);
        int dataAt = 8 + ifdSize;
        tiff.putShort((short) 0x010F).putShort((short) 2).putInt(makeBytes.length).putInt(dataAt);
        tiff.putShort((short) 0x0110).putShort((short) 2).putInt(modelBytes.length).putInt(dataAt + makeBytes.length);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(0);
        tiff.putInt(0);
        tiff.put(makeBytes).put(modelBytes);
        byte[] body = tiff.array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1});
        int length = 2 + 6 + body.length;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }
}
