package id.pemilu.ocr.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pemilu.common.events.C1FieldKeys;
import id.pemilu.ocr.synth.VoteGenerator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

class FormTemplatesTest {

    private final FormTemplates templates = FormTemplates.load();

    @Test
    void everyBallotTypeHasATemplateWithUniqueKeysAndRulesOverItsOwnFields() {
        assertThat(templates.all()).hasSize(7);
        for (FormTemplate template : templates.all()) {
            Set<String> keys = new HashSet<>();
            for (FormTemplate.Field field : template.fields()) {
                assertThat(keys.add(field.key())).as(field.key()).isTrue();
                assertThat(field.boxes()).hasSize(3);
            }
            assertThat(keys).contains("dpt.men", "voted.all.total", C1FieldKeys.VOTES_VALID,
                    C1FieldKeys.BALLOTS_RECEIVED);
            for (FormTemplate.Rule rule : template.rules()) {
                assertThat(keys).containsAll(rule.sum()).contains(rule.equals());
            }
        }
        assertThat(templates.get("PPWP").fieldsByKey()).containsKeys("votes.candidate.1", "votes.candidate.3")
                .doesNotContainKey("votes.candidate.4");
        assertThat(templates.get("DPR").fieldsByKey()).containsKeys("votes.party.1", "votes.party.24");
    }

    @Test
    void everyNumberOfTheLegislativePartyTableSitsInTwoSums() {
        for (String ballot : List.of("DPR", "DPRD_PROVINSI", "DPRD_KABKOTA")) {
            FormTemplate template = templates.get(ballot);
            List<String> partyKeys = template.fields().stream().map(FormTemplate.Field::key)
                    .filter(k -> k.startsWith("votes.part")).toList();
            assertThat(partyKeys).hasSize(18 * 3 + 2).contains(C1FieldKeys.partyVotes(24),
                    C1FieldKeys.partyCandidatesVotes(24), C1FieldKeys.partyTotalVotes(24));
            for (String key : partyKeys) {
                long rules = template.rules().stream()
                        .filter(r -> r.sum().contains(key) || r.equals().equals(key)).count();
                assertThat(rules).as(ballot + " " + key).isGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void boxesLieInsideThePageAndNeverOverlap() {
        for (FormTemplate template : templates.all()) {
            var boxes = template.fields().stream().flatMap(f -> f.boxes().stream()).toList();
            for (int i = 0; i < boxes.size(); i++) {
                FormTemplate.Rect a = boxes.get(i);
                assertThat(a.x()).isGreaterThan(50);
                assertThat(a.y() + a.height()).isLessThan(template.height() - 50);
                assertThat(a.x() + a.width()).isLessThan(template.width() - 40);
                for (int j = i + 1; j < boxes.size(); j++) {
                    FormTemplate.Rect b = boxes.get(j);
                    boolean overlap = a.x() < b.x() + b.width() && b.x() < a.x() + a.width()
                            && a.y() < b.y() + b.height() && b.y() < a.y() + a.height();
                    assertThat(overlap).as(template.ballotType() + " box " + i + "/" + j).isFalse();
                }
            }
        }
    }

    @Test
    void committedJsonIsWhatTheGeneratorBuilds() {
        for (String ballot : FormTemplates.BALLOT_TYPES) {
            assertThat(templates.get(ballot)).isEqualTo(TemplateGenerator.build(ballot));
            FormTemplate roundTrip = FormTemplates.parse(FormTemplates.toJson(templates.get(ballot)));
            assertThat(roundTrip).isEqualTo(templates.get(ballot));
        }
    }

    @Test
    void generatedNumbersSatisfyEveryRuleAndTheTpsSize() {
        for (FormTemplate template : templates.all()) {
            for (int seed = 0; seed < 30; seed++) {
                Map<String, Integer> values = VoteGenerator.generate(template, new Random(seed));
                assertThat(values.keySet()).containsExactlyElementsOf(template.fieldsByKey().keySet().stream()
                        .sorted((a, b) -> indexOf(template, a) - indexOf(template, b)).toList());
                for (FormTemplate.Rule rule : template.rules()) {
                    int sum = rule.sum().stream().mapToInt(values::get).sum();
                    assertThat(sum).as(template.ballotType() + " " + rule).isEqualTo(values.get(rule.equals()));
                }
                assertThat(values.values()).allSatisfy(v -> assertThat(v).isBetween(0, 999));
                assertThat(values.get("dpt.total")).isLessThanOrEqualTo(template.maxVoters());
            }
        }
    }

    @Test
    void theRegisteredDptOfATpsCanBeWrittenOnTheForm() {
        for (FormTemplate template : templates.all()) {
            for (int seed = 0; seed < 20; seed++) {
                Map<String, Integer> values = VoteGenerator.generate(template, new Random(seed), 110, 115);
                assertThat(values.get("dpt.men")).isEqualTo(110);
                assertThat(values.get("dpt.women")).isEqualTo(115);
                assertThat(values.get("ballots.received")).as("DPT + 2 %% reserve").isEqualTo(225 + 5);
                for (FormTemplate.Rule rule : template.rules()) {
                    assertThat(rule.sum().stream().mapToInt(values::get).sum())
                            .as(template.ballotType() + " " + rule).isEqualTo(values.get(rule.equals()));
                }
            }
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> VoteGenerator.generate(templates.get("PPWP"), new Random(5), 200, 200))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rendersAPdfWithTheTpsCodeAndTitle() throws Exception {
        byte[] pdf = FormRenderer.pdf(templates.get("PPWP"), "31.71.01.1001.001");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("MODEL C.HASIL-PPWP", "31.71.01.1001.001", "Jumlah suara sah");
        }
    }

    @Test
    void refusesUnknownBallotsAndMalformedTpsCodes() {
        assertThatThrownBy(() -> templates.get("DPRD_DESA")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tidak dikenal");
        assertThatThrownBy(() -> FormRenderer.pdf(templates.get("PPWP"), "31.71.01"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kode TPS");
        assertThat(QrPayload.decode("KPU-CHASIL|PPWP|31.71.01.1001.001|1"))
                .isEqualTo(new QrPayload("PPWP", "31.71.01.1001.001", 1));
        assertThatThrownBy(() -> QrPayload.decode("https://example.org")).isInstanceOf(IllegalArgumentException.class);
    }

    private static int indexOf(FormTemplate template, String key) {
        for (int i = 0; i < template.fields().size(); i++) {
            if (template.fields().get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
