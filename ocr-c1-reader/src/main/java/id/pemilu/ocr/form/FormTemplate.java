package id.pemilu.ocr.form;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One page of a C.Hasil form, as data (see the module README for the JSON format). Coordinates are PDF points,
 * origin at the top-left corner of the page, y growing downwards.
 */
public record FormTemplate(String formType, String ballotType, int page, String title, String subtitle,
                           double width, double height, int maxVoters, List<Marker> markers, Square qr,
                           Rect tpsCodeText, List<Label> labels, List<Field> fields, List<Rule> rules) {

    public FormTemplate {
        if (markers == null || markers.size() != 4) {
            throw new IllegalArgumentException("templat harus memiliki tepat 4 penanda sudut");
        }
        labels = labels == null ? List.of() : List.copyOf(labels);
        fields = List.copyOf(fields);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public Map<String, Field> fieldsByKey() {
        return fields.stream().collect(Collectors.toMap(Field::key, Function.identity()));
    }

    /** Alignment marker: a filled black square centred on (x, y). Order: top-left, top-right, bottom-right, bottom-left. */
    public record Marker(double x, double y, double size) {
    }

    /** A square area (the QR code) with its top-left corner at (x, y). */
    public record Square(double x, double y, double size) {
    }

    public record Rect(double x, double y, double width, double height) {

        public double centerX() {
            return x + width / 2;
        }

        public double centerY() {
            return y + height / 2;
        }
    }

    /** Printed text; (x, y) is the left end of the baseline. */
    public record Label(String text, double x, double y, double fontSize, boolean bold) {
    }

    /** A number on the form: its key (see C1FieldKeys), its printed label and its digit boxes, most significant first. */
    public record Field(String key, String label, List<Rect> boxes) {
    }

    /** The sum of the {@code sum} fields equals the {@code equals} field. */
    public record Rule(List<String> sum, String equals) {
    }
}
