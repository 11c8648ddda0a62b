package id.pemilu.ocr.form;

import id.pemilu.common.ballot.BallotType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The C.Hasil templates shipped in {@code templates/<ballotType>.json}, loaded once. */
public final class FormTemplates {

    /** The ballot types with a form template: every {@link BallotType}, in ballot order. */
    public static final List<String> BALLOT_TYPES = Arrays.stream(BallotType.values()).map(Enum::name).toList();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, FormTemplate> byBallot;

    private FormTemplates(Map<String, FormTemplate> byBallot) {
        this.byBallot = byBallot;
    }

    public static FormTemplates load() {
        Map<String, FormTemplate> templates = new LinkedHashMap<>();
        for (String ballot : BALLOT_TYPES) {
            try (InputStream in = FormTemplates.class.getResourceAsStream("/templates/" + ballot + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("template " + ballot + " missing");
                }
                templates.put(ballot, JSON.readValue(in, FormTemplate.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new FormTemplates(templates);
    }

    public static FormTemplate parse(String json) {
        return JSON.readValue(json, FormTemplate.class);
    }

    public static String toJson(FormTemplate template) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(template);
    }

    public FormTemplate get(String ballotType) {
        FormTemplate template = byBallot.get(ballotType);
        if (template == null) {
            throw new IllegalArgumentException("jenis surat suara tidak dikenal: " + ballotType
                    + " (yang dikenal: " + String.join(", ", BALLOT_TYPES) + ")");
        }
        return template;
    }

    public List<FormTemplate> all() {
        return List.copyOf(byBallot.values());
    }
}
