package id.pemilu.recap.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.common.events.C1FormRead;
import id.pemilu.common.test.Tokens;
import id.pemilu.recap.recap.RecapApplier;
import id.pemilu.recap.registry.Station;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.recap.registry.TpsCode;
import id.pemilu.recap.testdata.Forms;
import id.pemilu.recap.testdata.Images;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
class SubmissionApiTest {

    static final String DESA = "31.71.01.1004";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    SubmissionService service;
    @Autowired
    TpsRegistry registry;
    @Autowired
    RecapApplier applier;
    @Autowired
    MongoTemplate mongo;

    ResultActions upload(String tps, byte[] bytes, String key) throws Exception {
        var request = multipart("/api/recap/tps/" + tps + "/ballots/PPWP/photos")
                .file(new MockMultipartFile("photo", "c1.jpg", "image/jpeg", bytes)).with(Tokens.kpps(tps));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request);
    }

    JsonNode json(ResultActions actions) throws Exception {
        return JSON.readTree(actions.andReturn().getResponse().getContentAsString());
    }

    long stored(String collection) {
        return mongo.count(new Query(), collection);
    }

    C1FormRead reading(String submissionId, String tps, String sha, Map<String, Integer> values) {
        List<C1FormRead.FieldReading> fields = new ArrayList<>();
        values.forEach((k, v) -> fields.add(new C1FormRead.FieldReading(k, v, 0.97, false,
                new C1FormRead.PixelBox(10 * fields.size(), 20, 90, 30))));
        return new C1FormRead(UUID.randomUUID(), Instant.now(), 1, submissionId, tps, "PPWP", 1, sha, "READ", null,
                tps, fields);
    }

    @Test
    void aReadingIsADraftUntilTheOfficerConfirmsIt() throws Exception {
        String tps = DESA + ".001";
        byte[] photo = Images.jpegWithExif(1);
        JsonNode up = json(upload(tps, photo, "up-1").andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("draft")));
        String submissionId = up.get("submissionId").asString();
        String sha = up.get("sha256").asString();
        // a retry with the same key stores nothing new
        upload(tps, photo, "up-1").andExpect(status().isOk()).andExpect(jsonPath("$.replay").value(true))
                .andExpect(jsonPath("$.submissionId").value(submissionId));
        assertThat(mongo.count(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("sha256")
                .is(sha)), "photo_originals")).isEqualTo(1);

        // the photo of a draft is not public, even by its hash
        mvc.perform(get("/api/recap/public/photos/" + sha)).andExpect(status().isNotFound());
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains(Images.EXIF_MARKER_TEXT);
        String original = "/api/recap/submissions/" + submissionId + "/photos/1/original";
        byte[] evidence = mvc.perform(get(original).with(Tokens.ppk("31.71.01"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(evidence).isEqualTo(photo);
        mvc.perform(get(original).with(Tokens.kpps(tps))).andExpect(status().isForbidden());
        mvc.perform(get(original).with(Tokens.ppk("31.71.02"))).andExpect(status().isForbidden());
        mvc.perform(get(original)).andExpect(status().isUnauthorized());

        Station station = registry.find(new TpsCode(tps)).orElseThrow();
        Map<String, Integer> truth = Forms.consistent(station.dptMen(), station.dptWomen(), 2, 105, 40, 30);
        Map<String, Integer> misread = new java.util.LinkedHashMap<>(truth);
        misread.put("votes.candidate.1", 905); // the 2024 failure: 105 read as 905
        misread.put("ballots.damaged", null); // a field the reader could not read at all
        C1FormRead read = reading(submissionId, tps, sha, misread);
        service.accept(read);
        service.accept(read); // redelivery changes nothing
        mvc.perform(get("/api/recap/submissions/" + submissionId).with(Tokens.kpps(tps))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("draft"))
                .andExpect(jsonPath("$.readings.length()").value(1))
                .andExpect(jsonPath("$.draft[?(@.key=='votes.candidate.1')].value", hasItem(905)))
                // where the reader saw the field's digit boxes, for the officer's crop
                .andExpect(jsonPath("$.draft[?(@.key=='votes.candidate.1')].page", hasItem(1)))
                .andExpect(jsonPath("$.draft[?(@.key=='votes.candidate.1')].box.width", hasItem(90)))
                .andExpect(jsonPath("$.draft[?(@.key=='dpt.men')].box.x", hasItem(0)))
                // a field read as nothing is still listed, empty and to be looked at
                .andExpect(jsonPath("$.draft[?(@.key=='ballots.damaged')].needsReview", hasItem(true)))
                .andExpect(jsonPath("$.draft[?(@.key=='ballots.damaged')].box.height", hasItem(30)));

        // a draft is never public and never counted
        applier.applyPending();
        mvc.perform(get("/api/recap/public/tps/" + tps)).andExpect(jsonPath("$.ballots.length()").value(0));
        mvc.perform(get("/api/recap/public/totals").param("region", DESA))
                .andExpect(jsonPath("$.counted.tps").value(0)).andExpect(jsonPath("$.flagged.tps").value(0));

        // confirming the misread draft as is fails the checks
        mvc.perform(post("/api/recap/tps/" + tps + "/ballots/PPWP/confirm").with(Tokens.kpps(tps))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"submissionId\":\"" + submissionId + "\"}"))
                .andExpect(status().isUnprocessableContent());
        // the officer corrects the one field and confirms
        mvc.perform(post("/api/recap/tps/" + tps + "/ballots/PPWP/confirm").with(Tokens.kpps(tps))
                        .header("Idempotency-Key", "confirm-1").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"submissionId\":\"" + submissionId
                                + "\",\"values\":[{\"key\":\"votes.candidate.1\",\"value\":105},"
                                + "{\"key\":\"ballots.damaged\",\"value\":" + truth.get("ballots.damaged") + "}]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("submitted"))
                .andExpect(jsonPath("$.source").value("photo-reading"))
                .andExpect(jsonPath("$.photos[0].sha256").value(sha));
        applier.applyPending();
        mvc.perform(get("/api/recap/public/tps/" + tps))
                .andExpect(jsonPath("$.ballots[0].photos[0].url").value("/api/recap/public/photos/" + sha))
                .andExpect(jsonPath("$.ballots[0].values[?(@.key=='votes.candidate.1')].value", hasItem(105)));
        // confirmed: the public copy is served, without EXIF (the original keeps it)
        byte[] publicCopy = mvc.perform(get("/api/recap/public/photos/" + sha)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(publicCopy, StandardCharsets.ISO_8859_1)).doesNotContain(Images.EXIF_MARKER_TEXT);
        mvc.perform(get("/api/recap/public/totals").param("region", DESA))
                .andExpect(jsonPath("$.counted.tps").value(1))
                .andExpect(jsonPath("$.counted.values[?(@.key=='votes.candidate.1')].value", hasItem(105)));
    }

    @Test
    void aSuggestionFromTheSumsReachesTheDraftBesideTheValueAsWrittenAndIsNeverTheValue() throws Exception {
        String tps = DESA + ".006";
        JsonNode up = json(upload(tps, Images.jpegWithExif(6), null).andExpect(status().isCreated()));
        String submissionId = up.get("submissionId").asString();
        Station station = registry.find(new TpsCode(tps)).orElseThrow();
        Map<String, Integer> truth = Forms.consistent(station.dptMen(), station.dptWomen(), 2, 105, 40, 30);
        List<C1FormRead.FieldReading> fields = new ArrayList<>();
        truth.forEach((k, v) -> fields.add(k.equals("votes.candidate.1")
                // read as written 106, every field flagged; the sums' reading says 105
                ? new C1FormRead.FieldReading(k, 106, 0.6, true, null, 105)
                // a suggestion equal to the value is no suggestion
                : new C1FormRead.FieldReading(k, v, 0.6, true, null, v)));
        service.accept(new C1FormRead(UUID.randomUUID(), Instant.now(), 1, submissionId, tps, "PPWP", 1,
                up.get("sha256").asString(), "READ", "tidak sesuai aturan penjumlahan — periksa", tps, fields));
        mvc.perform(get("/api/recap/submissions/" + submissionId).with(Tokens.kpps(tps))).andExpect(status().isOk())
                .andExpect(jsonPath("$.draft[?(@.key=='votes.candidate.1')].value", hasItem(106)))
                .andExpect(jsonPath("$.draft[?(@.key=='votes.candidate.1')].suggested", hasItem(105)))
                .andExpect(jsonPath("$.draft[?(@.key=='votes.valid')].suggested", hasItem((Object) null)));
    }

    @Test
    void theSamePhotoAtAnotherTpsAndDisagreeingReadingsAreFlagged() throws Exception {
        String first = DESA + ".002";
        String second = DESA + ".003";
        byte[] photo = Images.jpegWithExif(2);
        upload(first, photo, null).andExpect(status().isCreated());
        JsonNode up = json(upload(second, photo, null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.flags[*].code", hasItem("DUPLICATE_PHOTO"))));
        String submissionId = up.get("submissionId").asString();
        Station station = registry.find(new TpsCode(second)).orElseThrow();
        Map<String, Integer> values = Forms.consistent(station.dptMen(), station.dptWomen(), 2, 50, 40, 30);
        service.accept(reading(submissionId, second, up.get("sha256").asString(), values));
        Map<String, Integer> other = new java.util.LinkedHashMap<>(values);
        other.put("votes.invalid", 7);
        service.accept(reading(submissionId, second, up.get("sha256").asString(), other));
        mvc.perform(post("/api/recap/tps/" + second + "/ballots/PPWP/confirm").with(Tokens.kpps(second))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"submissionId\":\"" + submissionId + "\",\"values\":[{\"key\":\"votes.invalid\","
                                + "\"value\":2}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.flags[*].code", hasItem("DUPLICATE_PHOTO")));
    }

    @Test
    void readingsOfTwoPhotosOfOneTpsThatDisagreeNeedThePersonToRetypeTheField() throws Exception {
        String tps = "31.71.01.1001.007";
        Station station = registry.find(new TpsCode(tps)).orElseThrow();
        JsonNode first = json(upload(tps, Images.jpegWithExif(6), null).andExpect(status().isCreated()));
        JsonNode second = json(upload(tps, Images.jpegWithExif(7), null).andExpect(status().isCreated()));
        String secondId = second.get("submissionId").asString();
        service.accept(reading(first.get("submissionId").asString(), tps, first.get("sha256").asString(),
                Forms.consistent(station.dptMen(), station.dptWomen(), 2, 50, 40, 30)));
        service.accept(reading(secondId, tps, second.get("sha256").asString(),
                Forms.consistent(station.dptMen(), station.dptWomen(), 2, 49, 41, 30)));
        String confirm = "/api/recap/tps/" + tps + "/ballots/PPWP/confirm";
        mvc.perform(post(confirm).with(Tokens.kpps(tps)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"submissionId\":\"" + secondId + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.flags[*].code", hasItem("READINGS_DISAGREE")));
        mvc.perform(post(confirm).with(Tokens.kpps(tps)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"submissionId\":\"" + secondId + "\",\"values\":[{\"key\":\"votes.candidate.1\","
                                + "\"value\":49},{\"key\":\"votes.candidate.2\",\"value\":41}]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("submitted"));
    }

    @Test
    void badUploadsAreRefusedAndNothingIsStored() throws Exception {
        String tps = DESA + ".004";
        long originals = stored("photo_originals");
        long copies = stored("photo_public");
        upload(tps, "not a picture at all".getBytes(StandardCharsets.UTF_8), null)
                .andExpect(status().isUnsupportedMediaType());
        byte[] jpeg = Images.jpegWithExif(3);
        upload(tps, Arrays.copyOf(jpeg, jpeg.length / 2), null).andExpect(status().isBadRequest());
        upload(tps, Images.pngHeaderOnly(50_000, 50_000), null).andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.detail").exists());
        byte[] oversize = new byte[9 * 1024 * 1024];
        System.arraycopy(jpeg, 0, oversize, 0, jpeg.length);
        upload(tps, oversize, null).andExpect(status().isPayloadTooLarge());
        mvc.perform(multipart("/api/recap/tps/" + tps + "/ballots/PPWP/photos")
                        .file(new MockMultipartFile("photo", "c1.png", "image/png", Images.png(20, 20)))
                        .with(Tokens.kpps(DESA + ".005")))
                .andExpect(status().isForbidden());
        assertThat(stored("photo_originals")).isEqualTo(originals);
        assertThat(stored("photo_public")).isEqualTo(copies);
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        upload(tps, Images.png(30, 20), null).andExpect(status().isCreated()).andExpect(jsonPath("$.width").value(30));
    }
}
