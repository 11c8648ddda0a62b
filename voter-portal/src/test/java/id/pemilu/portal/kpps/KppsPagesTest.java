package id.pemilu.portal.kpps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The KPPS pages with MockMvc: sign-in redirects (PKCE), the officer's token on every call to recap-service (and its
 * refresh), the scope check, upload, reading, draft with crops and checks, confirmation and its refusals.
 */
@SpringBootTest
@AutoConfigureMockMvc
class KppsPagesTest {

    static final String TPS_A = "31.71.01.1001.004";
    static final String TPS_B = "31.71.01.1001.005";
    static final String SUBMISSION = "0b6f0c1e-4a53-3f3f-9d7e-3f1d2f6f8a10";
    static final FakeServices services = new FakeServices();
    static final byte[] PHOTO = photo();

    @Autowired
    MockMvc mvc;
    @Autowired
    ClientRegistrationRepository registrations;

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        registry.add("pemilu.portal.recap-service-url", services::url);
        registry.add("pemilu.portal.sign-in.issuer", () -> services.url() + "/realms/pemilu");
        // the gubernur race of DKI Jakarta and the bupati race of Jember (not Jawa Timur's gubernur race)
        registry.add("pemilu.portal.ballots.pilkada", () -> "31,35.09");
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @BeforeEach
    void answers() {
        services.calls.clear();
        services.json("GET /api/recap/public/tps/" + TPS_A, 200, """
                {"tpsCode":"31.71.01.1001.004","path":[{"code":"31","name":"DKI JAKARTA"},
                 {"code":"31.71","name":"KOTA ADM. JAKARTA PUSAT"},{"code":"31.71.01","name":"GAMBIR"}],
                 "dptMen":100,"dptWomen":110,"dpt":210,"ballots":[]}""");
        for (String type : id.pemilu.portal.ballot.BallotTypes.NAMES.keySet()) {
            services.json("GET /api/recap/tps/" + TPS_A + "/ballots/" + type, 404,
                    "{\"status\":404,\"detail\":\"Belum ada hasil\"}");
        }
        services.json("GET /api/recap/tps/" + TPS_A + "/ballots/PPWP", 200, """
                {"tpsCode":"31.71.01.1001.004","ballotType":"PPWP","status":"flagged","resultVersion":1,
                 "values":[{"key":"votes.valid","value":206}],
                 "flags":[{"code":"VOTES_SUM","message":"Jumlah suara pasangan calon (205) tidak sama dengan suara sah (206)"}],
                 "history":[{"resultVersion":1,"status":"FLAGGED","by":"kpps.gambir.4","role":"kpps",
                   "at":"2029-02-14T10:00:00Z","reason":"angka di formulir memang begitu"}]}""");
        services.json("GET /api/recap/submissions/" + SUBMISSION, 200, draft("""
                "readings":[{"page":1,"sha256":"abc","outcome":"READ","reason":"periksa 1 angka yang ditandai"}],
                "flags":[],""", true));
        services.bytes("GET /api/recap/submissions/" + SUBMISSION + "/photos/1", "image/jpeg", PHOTO);
    }

    /** A PPWP draft; candidate 1 read 103 (needs a look, with its box), the valid votes 206. */
    static String draft(String readingsAndFlags, boolean withFields) {
        String fields = !withFields ? "[]" : """
                [{"key":"votes.candidate.1","value":103,"confidence":0.41,"needsReview":true,"readingsDisagree":false,
                  "page":1,"box":{"x":100,"y":200,"width":120,"height":40}},
                 {"key":"votes.candidate.2","value":0,"confidence":0.9999,"needsReview":false,"readingsDisagree":false,
                  "page":1,"box":{"x":100,"y":260,"width":120,"height":40}},
                 {"key":"votes.candidate.3","value":102,"confidence":0.9999,"needsReview":false,"readingsDisagree":false,
                  "page":1,"box":{"x":100,"y":320,"width":120,"height":40}},
                 {"key":"votes.valid","value":206,"confidence":0.9999,"needsReview":false,"readingsDisagree":false,
                  "page":1,"box":{"x":100,"y":380,"width":120,"height":40}}]""";
        return """
                {"submissionId":"%s","tpsCode":"%s","ballotType":"PPWP","status":"draft",
                 "photos":[{"page":1,"sha256":"abc","contentType":"image/jpeg","width":800,"height":600,"size":1000}],
                 %s "draft":%s}""".formatted(SUBMISSION, TPS_A, readingsAndFlags, fields);
    }

    /** A signed-in KPPS officer (Spring Security's oidcLogin() test support: ID token claims as Keycloak sets them). */
    RequestPostProcessor kpps(String tps, String username) {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("keycloak"))
                .idToken(token -> token.claim("preferred_username", username).claim("name", "Petugas " + username)
                        .claim("tps_code", tps).claim("realm_access", Map.of("roles", List.of("kpps"))))
                .authorities(new SimpleGrantedAuthority("ROLE_kpps"));
    }

    /** The same officer without oidcLogin()'s own authorized client: the session's tokens are used as they are. */
    RequestPostProcessor kppsWithSessionTokens(String tps, String username) {
        OidcIdToken idToken = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(600),
                Map.of("sub", username, "preferred_username", username, "tps_code", tps,
                        "realm_access", Map.of("roles", List.of("kpps"))));
        var authorities = List.of(new SimpleGrantedAuthority("ROLE_kpps"));
        return authentication(new OAuth2AuthenticationToken(new DefaultOidcUser(authorities, idToken,
                "preferred_username"), authorities, "keycloak"));
    }

    /** The server-side session of a signed-in officer: the tokens live here, never in the browser. */
    MockHttpSession session(String accessToken, Instant expiresAt, String refreshToken) {
        MockHttpSession session = new MockHttpSession();
        OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken,
                expiresAt.minusSeconds(1800), expiresAt);
        OAuth2RefreshToken refresh = refreshToken == null ? null : new OAuth2RefreshToken(refreshToken, Instant.now());
        OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(registrations.findByRegistrationId("keycloak"),
                "kpps.gambir.4", access, refresh);
        session.setAttribute(HttpSessionOAuth2AuthorizedClientRepository.class.getName() + ".AUTHORIZED_CLIENTS",
                new HashMap<>(Map.of("keycloak", client)));
        return session;
    }

    MockHttpSession session() {
        return session("token-kpps-4", Instant.now().plusSeconds(600), "refresh-1");
    }

    @Test
    void anOfficerPageStartsTheKeycloakSignInWithPkce() throws Exception {
        mvc.perform(get("/kpps")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/oauth2/authorization/keycloak"));
        String location = mvc.perform(get("/oauth2/authorization/keycloak")).andExpect(status().isFound())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith(services.url() + "/realms/pemilu/protocol/openid-connect/auth?");
        Map<String, List<String>> query = UriComponentsBuilder.fromUri(URI.create(location)).build().getQueryParams();
        assertThat(query.get("client_id")).containsExactly("pemilu-portal");
        assertThat(query.get("response_type")).containsExactly("code");
        assertThat(query.get("code_challenge_method")).containsExactly("S256");
        assertThat(query.get("code_challenge")).hasSize(1);
        assertThat(query.get("ui_locales")).as("Keycloak's page in Bahasa Indonesia").containsExactly("id");
        assertThat(query.get("scope").get(0)).contains("openid");
        assertThat(query.get("redirect_uri").get(0)).isEqualTo("http://localhost/login/oauth2/code/keycloak");
        assertThat(query).containsKey("nonce").containsKey("state");
    }

    @Test
    void theOfficersPageShowsWhoIsSignedInAndCallsRecapWithTheirToken() throws Exception {
        mvc.perform(get("/kpps").session(session()).with(kppsWithSessionTokens(TPS_A, "kpps.gambir.4")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Masuk sebagai"),
                        containsString("kpps.gambir.4"), containsString("Petugas KPPS"),
                        containsString("TPS " + TPS_A), containsString("GAMBIR, KOTA ADM. JAKARTA PUSAT, DKI JAKARTA"),
                        containsString("ditandai: tidak dihitung sampai diperiksa PPK"), containsString("Keluar"))));
        List<FakeServices.Call> calls = services.calls("GET /api/recap/tps/" + TPS_A + "/ballots/");
        assertThat(calls).hasSize(5); // DKI Jakarta: no DPRD kab/kota, no bupati/wali kota race
        assertThat(calls).allSatisfy(c -> assertThat(c.authorization()).isEqualTo("Bearer token-kpps-4"));
    }

    @Test
    void theHomeListsOnlyTheBallotsThisTpsHas() throws Exception {
        // DKI Jakarta: administrative kota (no DPRD kab/kota, no wali kota race), a gubernur race at this election
        mvc.perform(get("/kpps").session(session()).with(kpps(TPS_A, "kpps.gambir.4")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("href=\"/kpps/tps/" + TPS_A + "/PPWP\""),
                        containsString("href=\"/kpps/tps/" + TPS_A + "/DPRD_PROVINSI\""),
                        containsString("href=\"/kpps/tps/" + TPS_A + "/PILKADA_GUBERNUR\""),
                        not(containsString("href=\"/kpps/tps/" + TPS_A + "/DPRD_KABKOTA\"")),
                        not(containsString("href=\"/kpps/tps/" + TPS_A + "/PILKADA_BUPATI\"")),
                        containsString("Tidak dipakai di TPS ini:"),
                        containsString("DPRD Kabupaten/Kota, Bupati/Wali Kota"))));
        assertThat(services.calls("GET /api/recap/tps/" + TPS_A + "/ballots/")).extracting(FakeServices.Call::path)
                .containsExactly(List.of("PPWP", "DPR", "DPD", "DPRD_PROVINSI", "PILKADA_GUBERNUR").stream()
                        .map(t -> "/api/recap/tps/" + TPS_A + "/ballots/" + t).toArray(String[]::new));

        // Jember (35.09): a DPRD kab/kota and a bupati race, but no gubernur race in Jawa Timur at this election
        String jember = "35.09.01.2001.001";
        mvc.perform(get("/kpps").session(session()).with(kpps(jember, "kpps.jember.1")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("href=\"/kpps/tps/" + jember + "/DPRD_KABKOTA\""),
                        containsString("href=\"/kpps/tps/" + jember + "/PILKADA_BUPATI\""),
                        not(containsString("href=\"/kpps/tps/" + jember + "/PILKADA_GUBERNUR\"")),
                        containsString("Tidak dipakai di TPS ini:"))));
        // Bandung (32.73): no Pilkada at this election: the five Pemilu ballots, nothing said to be missing but those
        String bandung = "32.73.01.1001.001";
        mvc.perform(get("/kpps").session(session()).with(kpps(bandung, "kpps.bandung.1")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("href=\"/kpps/tps/" + bandung + "/DPRD_KABKOTA\""),
                        not(containsString("href=\"/kpps/tps/" + bandung + "/PILKADA_")),
                        containsString("Gubernur dan Wakil Gubernur, Bupati/Wali Kota"))));
    }

    @Test
    void aBallotTheTpsDoesNotHaveIsRefusedInWordsBeforeAnythingIsSent() throws Exception {
        mvc.perform(get("/kpps/tps/" + TPS_A + "/DPRD_KABKOTA").session(session()).with(kpps(TPS_A, "kpps.gambir.4")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("tidak memakai surat suara DPRD Kabupaten/Kota"),
                        containsString("href=\"/kpps\""))));
        mvc.perform(multipart("/kpps/tps/" + TPS_A + "/PILKADA_BUPATI/foto")
                        .file(new MockMultipartFile("photo", "c.jpg", "image/jpeg", PHOTO))
                        .session(session()).with(kpps(TPS_A, "kpps.gambir.4")).with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(services.calls("POST /api/recap/")).isEmpty();
    }

    @Test
    void anExpiredAccessTokenIsRefreshedBeforeTheCall() throws Exception {
        services.json("POST /realms/pemilu/protocol/openid-connect/token", 200, """
                {"access_token":"token-refreshed","token_type":"Bearer","expires_in":300,"refresh_token":"refresh-2"}""");
        mvc.perform(get("/kpps").session(session("token-old", Instant.now().minusSeconds(5), "refresh-1"))
                .with(kppsWithSessionTokens(TPS_A, "kpps.gambir.4"))).andExpect(status().isOk());
        FakeServices.Call refresh = services.calls("POST /realms/pemilu/protocol/openid-connect/token").get(0);
        assertThat(refresh.text()).contains("grant_type=refresh_token").contains("refresh_token=refresh-1");
        assertThat(refresh.authorization()).startsWith("Basic "); // the portal's client secret, never the browser's
        assertThat(services.calls("GET /api/recap/tps/")).allSatisfy(c ->
                assertThat(c.authorization()).isEqualTo("Bearer token-refreshed"));
    }

    @Test
    void anOfficerOfTpsAIsRefusedTpsBsPagesInPlainWords() throws Exception {
        mvc.perform(get("/kpps/tps/" + TPS_B + "/PPWP").session(session()).with(kpps(TPS_A, "kpps.gambir.4")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(allOf(containsString("Akses ditolak"),
                        containsString("Halaman ini untuk petugas KPPS TPS " + TPS_B),
                        containsString("Anda masuk sebagai petugas KPPS TPS " + TPS_A))));
        mvc.perform(get("/kpps/tps/" + TPS_B + "/PPWP/hasil").session(session()).with(kpps(TPS_A, "kpps.gambir.4")))
                .andExpect(status().isForbidden());
        // a submission of another TPS: recap-service refuses, the page says so
        services.json("GET /api/recap/submissions/" + SUBMISSION, 403, "{\"status\":403,\"detail\":\"x\"}");
        mvc.perform(get("/kpps/kiriman/" + SUBMISSION).session(session()).with(kpps(TPS_A, "kpps.gambir.4")))
                .andExpect(status().isForbidden()).andExpect(content().string(containsString("milik TPS lain")));
        assertThat(services.calls("GET /api/recap/tps/" + TPS_B)).isEmpty();
    }

    @Test
    void theUploadFormAsksForTheCameraAndCarriesAKeyAndCsrf() throws Exception {
        mvc.perform(get("/kpps/tps/" + TPS_A + "/PPWP").session(session()).with(kpps(TPS_A, "kpps.gambir.4")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("accept=\"image/*\""),
                        containsString("capture=\"environment\""), containsString("name=\"idempotencyKey\""),
                        containsString("name=\"_csrf\""), containsString("<progress"))));
    }

    @Test
    void aPhotoTheUploadLimitSentBackIsExplainedOnItsForm() throws Exception {
        mvc.perform(get("/kpps/tps/" + TPS_A + "/PPWP").param("ditolak", "terlalu-besar").session(session())
                        .with(kpps(TPS_A, "kpps.gambir.4")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Foto tidak terkirim: lebih besar dari 9 MB"),
                        containsString("resolusi kamera lebih kecil"), containsString("name=\"photo\""))));
    }

    @Test
    void anUploadIsSentWithTheOfficersKeyAndLeadsToTheReadingPage() throws Exception {
        services.json("POST /api/recap/tps/" + TPS_A + "/ballots/PPWP/photos?page=1", 201,
                "{\"submissionId\":\"" + SUBMISSION + "\",\"page\":1,\"status\":\"draft\"}");
        MockMultipartFile file = new MockMultipartFile("photo", "c1.jpg", "image/jpeg", PHOTO);
        mvc.perform(multipart("/kpps/tps/" + TPS_A + "/PPWP/foto").file(file).param("page", "1")
                        .param("idempotencyKey", "9b2f7a4e-1111-4222-8333-444455556666")
                        .session(session()).with(kppsWithSessionTokens(TPS_A, "kpps.gambir.4")).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/kpps/kiriman/" + SUBMISSION));
        FakeServices.Call upload = services.calls("POST /api/recap/tps/").get(0);
        assertThat(upload.idempotencyKey()).isEqualTo("9b2f7a4e-1111-4222-8333-444455556666");
        assertThat(upload.authorization()).isEqualTo("Bearer token-kpps-4");
        assertThat(upload.contentType()).startsWith("multipart/form-data");
        assertThat(upload.text()).contains("name=\"photo\"").contains("filename=\"c1.jpg\"");
        // without the CSRF token nothing is sent
        services.calls.clear();
        mvc.perform(multipart("/kpps/tps/" + TPS_A + "/PPWP/foto").file(file)
                        .session(session()).with(kpps(TPS_A, "kpps.gambir.4")))
                .andExpect(status().isForbidden()).andExpect(forwardedUrl("/akses-ditolak"));
        assertThat(services.calls("POST")).isEmpty();
    }

    @Test
    void aRefusedPhotoIsExplainedOnTheUploadPage() throws Exception {
        services.json("POST /api/recap/tps/" + TPS_A + "/ballots/PPWP/photos?page=1", 415,
                "{\"status\":415,\"detail\":\"Hanya JPEG atau PNG.\"}");
        mvc.perform(multipart("/kpps/tps/" + TPS_A + "/PPWP/foto")
                        .file(new MockMultipartFile("photo", "c1.gif", "image/gif", new byte[] {1, 2, 3}))
                        .session(session()).with(kpps(TPS_A, "kpps.gambir.4")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("bukan foto JPEG atau PNG")));
    }

    @Test
    void whileTheReaderWorksThePageSaysSoAndRefreshesItself() throws Exception {
        services.json("GET /api/recap/submissions/" + SUBMISSION, 200, draft("\"readings\":[],\"flags\":[],", false));
        mvc.perform(get("/kpps/kiriman/" + SUBMISSION).session(session()).with(kpps(TPS_A, "kpps.gambir.4")))
                .andExpect(status().isOk()).andExpect(header().string("Refresh", "3"))
                .andExpect(content().string(containsString("sedang dibaca…")));
    }

    @Test
    void theDraftListsTheDoubtfulFieldFirstWithItsCropAndTheFailingSumInWords() throws Exception {
        String page = mvc.perform(get("/kpps/kiriman/" + SUBMISSION).session(session())
                        .with(kpps(TPS_A, "kpps.gambir.4")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Perlu dilihat (<span>1</span>)").contains("mesin ragu")
                .contains("src=\"/kpps/kiriman/" + SUBMISSION + "/potongan/votes.candidate.1\"")
                .contains("src=\"/kpps/kiriman/" + SUBMISSION + "/foto/1\"")
                .contains("jumlah suara sah 206 ≠ 103 + 0 + 102")
                .contains("name=\"v:votes.candidate.1\"").contains("value=\"103\"")
                .contains("id=\"rules\"");
        // the doubtful field comes before the others
        assertThat(page.indexOf("v:votes.candidate.1")).isLessThan(page.indexOf("v:votes.candidate.2"));
        assertThat(page.indexOf("v:votes.candidate.2")).isLessThan(page.indexOf("v:votes.valid"));
    }

    @Test
    void theCropIsCutFromThePhotoAroundTheDigitBoxes() throws Exception {
        byte[] jpeg = mvc.perform(get("/kpps/kiriman/" + SUBMISSION + "/potongan/votes.candidate.1").session(session())
                        .with(kpps(TPS_A, "kpps.gambir.4")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/jpeg"))
                .andReturn().getResponse().getContentAsByteArray();
        BufferedImage crop = ImageIO.read(new ByteArrayInputStream(jpeg));
        // box 120 x 40 at (100, 200) plus a margin of 10 on each side
        assertThat(crop.getWidth()).isEqualTo(140);
        assertThat(crop.getHeight()).isEqualTo(60);
        // the photo is white with a black box exactly where the reader said the digits are: the crop's centre is dark,
        // its margin light
        assertThat(crop.getRGB(70, 30) & 0xff).isLessThan(60);
        assertThat(crop.getRGB(3, 3) & 0xff).isGreaterThan(200);
        mvc.perform(get("/kpps/kiriman/" + SUBMISSION + "/potongan/votes.unknown").session(session())
                .with(kpps(TPS_A, "kpps.gambir.4"))).andExpect(status().isNotFound());
    }

    @Test
    void confirmingSendsOnlyTheRetypedNumbersWithTheKeyAndShowsTheResult() throws Exception {
        services.json("POST /api/recap/tps/" + TPS_A + "/ballots/PPWP/confirm", 200,
                "{\"status\":\"submitted\",\"resultVersion\":1}");
        mvc.perform(post("/kpps/kiriman/" + SUBMISSION + "/konfirmasi").param("v:votes.candidate.1", "104")
                        .param("v:votes.candidate.2", "0").param("v:votes.candidate.3", "102")
                        .param("v:votes.valid", "206").param("idempotencyKey", "7c9e6679-7425-40de-944b-e07fc1f90ae7")
                        .session(session()).with(kpps(TPS_A, "kpps.gambir.4")).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/kpps/tps/" + TPS_A + "/PPWP/hasil"));
        FakeServices.Call confirm = services.calls("POST /api/recap/tps/" + TPS_A + "/ballots/PPWP/confirm").get(0);
        assertThat(confirm.idempotencyKey()).isEqualTo("7c9e6679-7425-40de-944b-e07fc1f90ae7");
        String body = new String(confirm.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("\"submissionId\":\"" + SUBMISSION + "\"")
                .contains("{\"key\":\"votes.candidate.1\",\"value\":104}").doesNotContain("votes.candidate.2")
                .doesNotContain("reason");

        mvc.perform(get("/kpps/tps/" + TPS_A + "/PPWP/hasil").session(session()).with(kpps(TPS_A, "kpps.gambir.4")))
                .andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("ditandai: tidak dihitung sampai diperiksa PPK"),
                        containsString("tidak dihitung dalam rekapitulasi sampai PPK memeriksanya"),
                        containsString("href=\"/tps/" + TPS_A + "\""),
                        containsString("angka di formulir memang begitu"))));
    }

    @Test
    void aFailingCheckWithoutAReasonIsExplainedAndTheTypedNumbersStay() throws Exception {
        services.json("POST /api/recap/tps/" + TPS_A + "/ballots/PPWP/confirm", 422, """
                {"status":422,"title":"Perlu alasan tertulis","detail":"Angka tidak lolos pemeriksaan; perbaiki angka",
                 "flags":[{"code":"VOTES_SUM","message":"Jumlah suara pasangan calon (205) tidak sama dengan suara sah (206)"}]}""");
        mvc.perform(post("/kpps/kiriman/" + SUBMISSION + "/konfirmasi").param("v:votes.candidate.1", "103")
                        .param("v:votes.valid", "206").param("idempotencyKey", "7c9e6679-7425-40de-944b-e07fc1f90ae8")
                        .session(session()).with(kpps(TPS_A, "kpps.gambir.4")).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("tulis alasannya"), containsString("Suara semua calon harus sama dengan suara sah"),
                        containsString("jumlah suara sah 206 ≠ 103 + 0 + 102"))));
    }

    @Test
    void aResultAlreadyConfirmedSaysWhatToDoInstead() throws Exception {
        services.json("POST /api/recap/tps/" + TPS_A + "/ballots/PPWP/confirm", 422, """
                {"status":422,"detail":"Hasil TPS ini sudah pernah dikirim; perubahan wajib disertai alasan tertulis.",
                 "flags":[]}""");
        mvc.perform(post("/kpps/kiriman/" + SUBMISSION + "/konfirmasi").param("v:votes.candidate.1", "104")
                        .session(session()).with(kpps(TPS_A, "kpps.gambir.4")).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("sudah pernah dikonfirmasi"), containsString("Tidak perlu mengirim lagi"),
                        containsString("tulis alasan perubahan"))));
    }

    @Test
    void aPhotoOfAnotherTpsAndAnUnreadablePhotoAreExplained() throws Exception {
        services.json("GET /api/recap/submissions/" + SUBMISSION, 200, draft("""
                "readings":[{"page":1,"sha256":"abc","outcome":"UNREADABLE",
                  "reason":"formulir salah: kode QR menunjukkan TPS 31.71.01.1001.009, bukan TPS 31.71.01.1001.004"}],
                "flags":[{"code":"QR_TPS_MISMATCH","message":"Kode QR pada formulir (31.71.01.1001.009) bukan TPS ini"}],""",
                false));
        mvc.perform(get("/kpps/kiriman/" + SUBMISSION).session(session()).with(kpps(TPS_A, "kpps.gambir.4")))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("Foto formulir TPS lain"),
                        containsString("kode QR menunjukkan TPS 31.71.01.1001.009"),
                        containsString("Foto ulang formulir TPS Anda"), not(containsString("Konfirmasi hasil")))));
        services.json("GET /api/recap/submissions/" + SUBMISSION, 200, draft("""
                "readings":[{"page":1,"sha256":"abc","outcome":"UNREADABLE",
                  "reason":"penanda sudut tidak ditemukan: foto ulang seluruh lembar"}],"flags":[],""", false));
        mvc.perform(get("/kpps/kiriman/" + SUBMISSION).session(session()).with(kpps(TPS_A, "kpps.gambir.4")))
                .andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("Foto tidak dapat dibaca"), containsString("penanda sudut tidak ditemukan"),
                        containsString("Foto ulang"))));
    }

    @Test
    void signingOutEndsTheKeycloakSessionToo() throws Exception {
        String location = mvc.perform(post("/keluar").session(session()).with(kpps(TPS_A, "kpps.gambir.4"))
                        .with(csrf()))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith(services.url() + "/realms/pemilu/protocol/openid-connect/logout?")
                .contains("id_token_hint=").contains("post_logout_redirect_uri=http://localhost/");
        mvc.perform(post("/keluar").session(session()).with(kpps(TPS_A, "kpps.gambir.4")))
                .andExpect(status().isForbidden()); // no CSRF token: nobody can sign an officer out from elsewhere
    }

    @Test
    void anExpiredFormSaysSoInPlainWords() throws Exception {
        mvc.perform(get("/akses-ditolak").requestAttr(org.springframework.security.web.WebAttributes.ACCESS_DENIED_403,
                        new org.springframework.security.web.csrf.InvalidCsrfTokenException(
                                new org.springframework.security.web.csrf.DefaultCsrfToken("X-CSRF", "_csrf", "a"), "b")))
                .andExpect(status().isForbidden()).andExpect(content().string(containsString("sudah kedaluwarsa")));
    }

    @Test
    void citizensPagesDoNotRequireSignIn() throws Exception {
        mvc.perform(get("/masuk")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/oauth2/authorization/keycloak"));
        mvc.perform(get("/manifest.webmanifest")).andExpect(status().isOk())
                .andExpect(content().string(containsString("\"start_url\": \"/kpps\"")));
        mvc.perform(get("/sw.js")).andExpect(status().isOk());
    }

    /** An 800 x 600 white photo with a black rectangle where votes.candidate.1's boxes are (100, 200, 120 x 40). */
    private static byte[] photo() {
        BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 800, 600);
        g.setColor(Color.BLACK);
        g.fillRect(100, 200, 120, 40);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
