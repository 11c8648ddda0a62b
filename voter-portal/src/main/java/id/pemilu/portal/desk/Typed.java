package id.pemilu.portal.desk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers as a reporter typed them in the form ({@code p1..pN}, {@code valid}, {@code invalid}, {@code total}):
 * an empty field is {@code null} (desk-pilkada flags it), anything but 1-6 digits is refused here with the field named.
 */
record Typed(List<Integer> candidates, Integer valid, Integer invalid, Integer total, Map<String, String> raw,
             String error) {

    static final int MAX_PAIRS = 20;

    static Typed of(Map<String, String> params) {
        Map<String, String> raw = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        List<Integer> candidates = new ArrayList<>();
        for (int n = 1; n <= MAX_PAIRS && params.containsKey("p" + n); n++) {
            candidates.add(parse(params, "p" + n, "Paslon " + n, raw, wrong));
        }
        Integer valid = parse(params, "valid", "Suara sah", raw, wrong);
        Integer invalid = parse(params, "invalid", "Suara tidak sah", raw, wrong);
        Integer total = parse(params, "total", "Jumlah suara", raw, wrong);
        String error = candidates.isEmpty() ? "Formulir tidak berisi suara pasangan calon; muat ulang halaman."
                : wrong.isEmpty() ? null
                : "Isi dengan angka saja (tanpa titik atau spasi): " + String.join(", ", wrong) + ".";
        return new Typed(candidates, valid, invalid, total, raw, error);
    }

    private static Integer parse(Map<String, String> params, String key, String label, Map<String, String> raw,
                                 List<String> wrong) {
        String text = params.getOrDefault(key, "").strip();
        raw.put(key, text);
        if (text.isEmpty()) {
            return null;
        }
        if (!text.matches("\\d{1,6}")) {
            wrong.add(label);
            return null;
        }
        return Integer.parseInt(text);
    }
}
