package id.pemilu.ocr.form;

import id.pemilu.common.events.C1FieldKeys;
import id.pemilu.ocr.form.FormTemplate.Field;
import id.pemilu.ocr.form.FormTemplate.Label;
import id.pemilu.ocr.form.FormTemplate.Marker;
import id.pemilu.ocr.form.FormTemplate.Rect;
import id.pemilu.ocr.form.FormTemplate.Rule;
import id.pemilu.ocr.form.FormTemplate.Square;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the C.Hasil templates from the ballot structure (voter rows, ballot use, candidates or parties) and writes
 * them to {@code src/main/resources/templates/}. The JSON files are committed; run this again only to change the
 * layout: {@code java -cp ... id.pemilu.ocr.form.TemplateGenerator [outDir]}.
 */
public final class TemplateGenerator {

    static final double WIDTH = 595;
    static final double HEIGHT = 842;
    static final double BOX = 18;
    static final double BOX_GAP = 2;
    static final double PITCH = 22;
    static final int DIGITS = 3;
    /** Party numbers of the 18 national parties on the 2024 legislative ballots. */
    static final int[] NATIONAL_PARTIES = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 24};

    private TemplateGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "ocr-c1-reader/src/main/resources/templates");
        Files.createDirectories(out);
        for (String ballot : FormTemplates.BALLOT_TYPES) {
            Files.writeString(out.resolve(ballot + ".json"), FormTemplates.toJson(build(ballot)) + "\n");
        }
        System.out.println("wrote " + FormTemplates.BALLOT_TYPES.size() + " templates to " + out);
    }

    public static FormTemplate build(String ballotType) {
        List<Label> labels = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        double y = 170;
        labels.add(new Label("I. DATA PEMILIH DAN PENGGUNA HAK PILIH", 48, y + 11, 9, true));
        y += 16;
        double[] columns = {300, 390, 480};
        String[] columnNames = {"LAKI-LAKI (L)", "PEREMPUAN (P)", "JUMLAH (L+P)"};
        for (int c = 0; c < 3; c++) {
            labels.add(new Label(columnNames[c], columns[c], y + 10, 7, true));
        }
        y += 14;
        String[] rowLabels = {"Jumlah pemilih dalam DPT", "Jumlah pemilih dalam DPTb", "Jumlah pemilih dalam DPK",
                "Jumlah pemilih (DPT + DPTb + DPK)", "Pengguna hak pilih dalam DPT", "Pengguna hak pilih dalam DPTb",
                "Pengguna hak pilih dalam DPK", "Jumlah pengguna hak pilih"};
        for (int r = 0; r < C1FieldKeys.VOTER_ROWS.length; r++) {
            String row = C1FieldKeys.VOTER_ROWS[r];
            labels.add(new Label((r + 1) + ". " + rowLabels[r], 56, y + 13, 8, false));
            for (int c = 0; c < 3; c++) {
                String key = row + C1FieldKeys.GENDER_SUFFIXES[c];
                fields.add(field(key, rowLabels[r] + " " + columnNames[c], columns[c], y));
            }
            rules.add(new Rule(List.of(row + ".men", row + ".women"), row + ".total"));
            y += PITCH;
        }
        for (String suffix : C1FieldKeys.GENDER_SUFFIXES) {
            rules.add(new Rule(List.of("dpt" + suffix, "dptb" + suffix, "dpk" + suffix), "all" + suffix));
            rules.add(new Rule(List.of("voted.dpt" + suffix, "voted.dptb" + suffix, "voted.dpk" + suffix),
                    "voted.all" + suffix));
        }
        y += 6;
        labels.add(new Label("II. DATA PENGGUNAAN SURAT SUARA", 48, y + 11, 9, true));
        y += 16;
        String[][] ballots = {
                {C1FieldKeys.BALLOTS_RECEIVED, "Jumlah surat suara yang diterima (termasuk cadangan 2%)"},
                {C1FieldKeys.BALLOTS_DAMAGED, "Jumlah surat suara yang dikembalikan karena rusak/keliru coblos"},
                {C1FieldKeys.BALLOTS_UNUSED, "Jumlah surat suara yang tidak digunakan"},
                {C1FieldKeys.BALLOTS_USED, "Jumlah surat suara yang digunakan"}};
        for (int i = 0; i < ballots.length; i++) {
            labels.add(new Label((i + 1) + ". " + ballots[i][1], 56, y + 13, 8, false));
            fields.add(field(ballots[i][0], ballots[i][1], 480, y));
            y += PITCH;
        }
        rules.add(new Rule(List.of(C1FieldKeys.BALLOTS_USED, C1FieldKeys.BALLOTS_UNUSED, C1FieldKeys.BALLOTS_DAMAGED),
                C1FieldKeys.BALLOTS_RECEIVED));
        rules.add(new Rule(List.of("voted.all.total"), C1FieldKeys.BALLOTS_USED));
        y += 6;
        y = ballotType.startsWith("DPR") ? partyTable(labels, fields, rules, y)
                : candidateRows(ballotType, labels, fields, rules, y);
        y = totalRow(labels, fields, C1FieldKeys.VOTES_INVALID, "Jumlah suara tidak sah", y);
        y = totalRow(labels, fields, C1FieldKeys.VOTES_TOTAL, "Jumlah suara sah dan tidak sah", y);
        rules.add(new Rule(List.of(C1FieldKeys.VOTES_VALID, C1FieldKeys.VOTES_INVALID), C1FieldKeys.VOTES_TOTAL));
        rules.add(new Rule(List.of(C1FieldKeys.BALLOTS_USED), C1FieldKeys.VOTES_TOTAL));
        if (y > 790) {
            throw new IllegalStateException("layout of " + ballotType + " overflows the page");
        }
        labels.add(new Label("Tulis satu angka per kotak, rata kanan. Jangan menulis di luar kotak.", 48, 790, 7, false));
        labels.add(0, new Label("MODEL C.HASIL-" + ballotType, 48, 74, 14, true));
        labels.add(1, new Label(subtitle(ballotType), 48, 92, 8, false));
        labels.add(2, new Label("Kode TPS tercetak di bawah kode QR.", 48, 108, 8, false));
        List<Marker> markers = List.of(new Marker(34, 34, 22), new Marker(WIDTH - 34, 34, 22),
                new Marker(WIDTH - 34, HEIGHT - 34, 22), new Marker(34, HEIGHT - 34, 22));
        int maxVoters = ballotType.startsWith("PILKADA") ? 600 : 300;
        return new FormTemplate("C.HASIL", ballotType, 1, "MODEL C.HASIL-" + ballotType, subtitle(ballotType),
                WIDTH, HEIGHT, maxVoters, markers, new Square(468, 58, 80), new FormTemplate.Rect(440, 142, 136, 14),
                labels, fields, rules);
    }

    /** Section III of PPWP, DPD and Pilkada: one row per candidate (pair), then the valid votes. */
    private static double candidateRows(String ballotType, List<Label> labels, List<Field> fields, List<Rule> rules,
                                        double y) {
        labels.add(new Label("III. PEROLEHAN SUARA", 48, y + 11, 9, true));
        y += 16;
        List<String[]> entries = entries(ballotType);
        List<String> voteKeys = new ArrayList<>();
        if (entries.size() <= 6) {
            for (String[] entry : entries) {
                labels.add(new Label(entry[1], 56, y + 13, 8, false));
                fields.add(field(entry[0], entry[1], 480, y));
                voteKeys.add(entry[0]);
                y += PITCH;
            }
        } else {
            int half = (entries.size() + 1) / 2;
            for (int i = 0; i < half; i++) {
                String[] left = entries.get(i);
                labels.add(new Label(left[1], 56, y + 13, 8, false));
                fields.add(field(left[0], left[1], 225, y));
                voteKeys.add(left[0]);
                if (i + half < entries.size()) {
                    String[] right = entries.get(i + half);
                    labels.add(new Label(right[1], 320, y + 13, 8, false));
                    fields.add(field(right[0], right[1], 480, y));
                    voteKeys.add(right[0]);
                }
                y += PITCH;
            }
        }
        rules.add(new Rule(voteKeys, C1FieldKeys.VOTES_VALID));
        return totalRow(labels, fields, C1FieldKeys.VOTES_VALID, "Jumlah suara sah", y);
    }

    /**
     * Section III of the legislative forms: a table with one row per party (its own votes, its candidates' votes, and
     * both together) in two halves, and a row of column totals whose last cell is the valid votes. Like the voter
     * table of section I, every number then sits in two sums (its row and its column), so one misread digit never
     * leaves two readings that both add up.
     */
    private static double partyTable(List<Label> labels, List<Field> fields, List<Rule> rules, double y) {
        labels.add(new Label("III. PEROLEHAN SUARA SAH PARTAI POLITIK DAN CALON", 48, y + 11, 9, true));
        y += 14;
        double[][] columns = {{92, 156, 220}, {344, 408, 472}};
        double[] rowLabelX = {48, 300};
        String[] columnNames = {"SUARA PARTAI", "SUARA CALON", "JUMLAH"};
        for (double[] half : columns) {
            for (int c = 0; c < 3; c++) {
                labels.add(new Label(columnNames[c], half[c], y + 9, 6.5, true));
            }
        }
        y += 11;
        List<String> own = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        List<String> totals = new ArrayList<>();
        int half = (NATIONAL_PARTIES.length + 1) / 2;
        for (int i = 0; i < half; i++) {
            for (int side = 0; side < 2; side++) {
                int index = i + side * half;
                if (index >= NATIONAL_PARTIES.length) {
                    continue;
                }
                int party = NATIONAL_PARTIES[index];
                String[] keys = {C1FieldKeys.partyVotes(party), C1FieldKeys.partyCandidatesVotes(party),
                        C1FieldKeys.partyTotalVotes(party)};
                String[] names = {"Suara partai nomor urut " + party, "Suara calon partai nomor urut " + party,
                        "Jumlah suara partai nomor urut " + party + " dan calonnya"};
                labels.add(new Label("Partai " + party, rowLabelX[side], y + 13, 8, false));
                for (int c = 0; c < 3; c++) {
                    fields.add(field(keys[c], names[c], columns[side][c], y));
                }
                own.add(keys[0]);
                candidates.add(keys[1]);
                totals.add(keys[2]);
                rules.add(new Rule(List.of(keys[0], keys[1]), keys[2]));
            }
            y += PITCH;
        }
        labels.add(new Label("Jumlah seluruh partai politik dan calon", 48, y + 13, 8, true));
        fields.add(field(C1FieldKeys.VOTES_PARTIES_OWN, "Jumlah suara partai", columns[1][0], y));
        fields.add(field(C1FieldKeys.VOTES_PARTIES_CANDIDATES, "Jumlah suara calon", columns[1][1], y));
        fields.add(field(C1FieldKeys.VOTES_VALID, "Jumlah seluruh suara sah partai politik dan calon", columns[1][2], y));
        y += PITCH;
        rules.add(new Rule(own, C1FieldKeys.VOTES_PARTIES_OWN));
        rules.add(new Rule(candidates, C1FieldKeys.VOTES_PARTIES_CANDIDATES));
        rules.add(new Rule(totals, C1FieldKeys.VOTES_VALID));
        rules.add(new Rule(List.of(C1FieldKeys.VOTES_PARTIES_OWN, C1FieldKeys.VOTES_PARTIES_CANDIDATES),
                C1FieldKeys.VOTES_VALID));
        return y;
    }

    private static double totalRow(List<Label> labels, List<Field> fields, String key, String label, double y) {
        labels.add(new Label(label, 56, y + 13, 8, true));
        fields.add(field(key, label, 480, y));
        return y + PITCH;
    }

    private static Field field(String key, String label, double x, double y) {
        List<Rect> boxes = new ArrayList<>();
        for (int d = 0; d < DIGITS; d++) {
            boxes.add(new Rect(x + d * (BOX + BOX_GAP), y + 2, BOX, BOX));
        }
        return new Field(key, label, boxes);
    }

    private static List<String[]> entries(String ballotType) {
        List<String[]> entries = new ArrayList<>();
        switch (ballotType) {
            case "PPWP", "PILKADA_GUBERNUR", "PILKADA_BUPATI" -> {
                for (int n = 1; n <= 3; n++) {
                    entries.add(new String[] {C1FieldKeys.candidateVotes(n), "Pasangan calon nomor urut " + n});
                }
            }
            case "DPD" -> {
                for (int n = 1; n <= 10; n++) {
                    entries.add(new String[] {C1FieldKeys.candidateVotes(n), "Calon anggota DPD nomor urut " + n});
                }
            }
            default -> throw new IllegalArgumentException("jenis surat suara tidak dikenal: " + ballotType);
        }
        return entries;
    }

    private static String subtitle(String ballotType) {
        return switch (ballotType) {
            case "PPWP" -> "Sertifikat hasil penghitungan perolehan suara Pemilu Presiden dan Wakil Presiden di TPS";
            case "DPR" -> "Sertifikat hasil penghitungan perolehan suara Pemilu anggota DPR di TPS";
            case "DPD" -> "Sertifikat hasil penghitungan perolehan suara Pemilu anggota DPD di TPS";
            case "DPRD_PROVINSI" -> "Sertifikat hasil penghitungan perolehan suara Pemilu anggota DPRD Provinsi di TPS";
            case "DPRD_KABKOTA" -> "Sertifikat hasil penghitungan perolehan suara Pemilu anggota DPRD Kabupaten/Kota di TPS";
            case "PILKADA_GUBERNUR" -> "Sertifikat hasil penghitungan suara pemilihan Gubernur dan Wakil Gubernur di TPS";
            default -> "Sertifikat hasil penghitungan suara pemilihan Bupati/Wali Kota di TPS";
        };
    }
}
