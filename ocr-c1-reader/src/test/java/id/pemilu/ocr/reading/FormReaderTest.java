package id.pemilu.ocr.reading;

import static id.pemilu.ocr.reading.ReaderFixture.READER;
import static id.pemilu.ocr.reading.ReaderFixture.SYNTH;
import static id.pemilu.ocr.reading.ReaderFixture.TEMPLATES;
import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.ocr.form.FormTemplate;
import id.pemilu.ocr.synth.FormSynthesizer;
import id.pemilu.ocr.synth.PhotoSimulator.Distortion;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormReaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"PPWP", "DPR", "DPD", "DPRD_PROVINSI", "DPRD_KABKOTA", "PILKADA_GUBERNUR", "PILKADA_BUPATI"})
    void readsBackItsOwnNumbersFromACleanRenderOfEveryTemplate(String ballot) {
        FormTemplate template = TEMPLATES.get(ballot);
        FormSynthesizer.Synthesized photo = SYNTH.synthesize(template, "31.71.01.1001.002", 11, Distortion.CLEAN);
        FormReading reading = READER.read(photo.jpeg());
        assertThat(reading.outcome()).isEqualTo(FormReading.READ);
        assertThat(reading.ballotType()).isEqualTo(ballot);
        assertThat(reading.tpsCode()).isEqualTo("31.71.01.1001.002");
        assertThat(reading.arithmeticConsistent()).isTrue();
        for (FieldReading field : reading.fields()) {
            assertThat(field.value()).as(field.key()).isEqualTo(photo.truth().get(field.key()));
        }
        assertThat(reading.fields()).hasSize(template.fields().size());
    }

    @ParameterizedTest
    @ValueSource(ints = {201, 202, 203})
    void everyFieldOfALegislativePartyTableOnADistortedPhotoIsRightOrFlagged(int seed) {
        FormSynthesizer.Synthesized photo = SYNTH.synthesize(TEMPLATES.get("DPR"), "31.71.01.1001.001", seed,
                Distortion.ALL);
        FormReading reading = READER.read(photo.jpeg());
        assertThat(reading.outcome()).as(reading.reason()).isEqualTo(FormReading.READ);
        assertThat(reading.fields()).hasSize(87);
        for (FieldReading field : reading.fields()) {
            assertThat(photo.truth().get(field.key()).equals(field.value()) || field.needsReview())
                    .as("%s read %s, written %s, not flagged", field.key(), field.value(),
                            photo.truth().get(field.key()))
                    .isTrue();
        }
        assertThat(reading.fields().stream().filter(f -> f.key().endsWith(".total")
                && f.key().startsWith("votes.party.")).count()).isEqualTo(18);
    }

    @ParameterizedTest
    @EnumSource(value = Distortion.class, names = {"PERSPECTIVE", "ROTATION", "UPSIDE_DOWN", "BLUR", "SHADOW",
            "NOISE", "LOW_RESOLUTION", "HIGH_RESOLUTION", "ALL"})
    void everyFieldOfADistortedPhotoIsRightOrFlagged(Distortion distortion) {
        FormSynthesizer.Synthesized photo = SYNTH.synthesize(TEMPLATES.get("PPWP"), "31.71.01.1001.001",
                100 + distortion.ordinal(), distortion);
        FormReading reading = READER.read(photo.jpeg());
        assertThat(reading.outcome()).as(reading.reason()).isEqualTo(FormReading.READ);
        assertThat(reading.tpsCode()).isEqualTo("31.71.01.1001.001");
        Map<String, Integer> truth = photo.truth();
        long right = 0;
        for (FieldReading field : reading.fields()) {
            boolean correct = truth.get(field.key()).equals(field.value());
            assertThat(correct || field.needsReview())
                    .as("%s read %s, written %s, not flagged", field.key(), field.value(), truth.get(field.key()))
                    .isTrue();
            right += correct ? 1 : 0;
        }
        assertThat(right).as("fields read right").isGreaterThan(reading.fields().size() * 3L / 4);
    }
}
