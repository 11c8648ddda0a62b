package id.pemilu.recap.dhasil;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import id.pemilu.common.events.C1FieldKeys;
import id.pemilu.common.wilayah.Region;
import id.pemilu.common.wilayah.Wilayah;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.stereotype.Component;

/**
 * Renders a D.Hasil as PDF in Bahasa Indonesia, laid out like the KPU form (identity, I. voters, II. ballots, III.
 * votes, IV. valid/invalid, then the children, corrections, objections, special events and TPS decisions), with the
 * hash, the key and a QR code of the public verification URL on the last page.
 */
@Component
public class DHasilPdf {

    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final float MARGIN = 40;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm:ss 'WIB'",
            Locale.forLanguageTag("id-ID")).withZone(ZoneId.of("Asia/Jakarta"));

    public byte[] render(DHasil d, String verifyUrl) {
        try (PDDocument doc = new PDDocument()) {
            Writer w = new Writer(doc, formCode(d));
            header(w, d);
            Map<String, Long> total = map(d.getKeys(), d.totalNumbers());
            voters(w, total);
            ballots(w, total);
            votes(w, d, total);
            children(w, d);
            notes(w, d);
            footer(w, d, verifyUrl);
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String formCode(DHasil d) {
        String tier = switch (d.getTier()) {
            case "KECAMATAN" -> "KECAMATAN";
            case "KABKOTA" -> "KABUPATEN/KOTA";
            case "PROVINSI" -> "PROVINSI";
            default -> "NASIONAL";
        };
        return "MODEL D.HASIL " + tier + "-" + d.getBallotType().replace('_', ' ');
    }

    private static String election(String ballotType) {
        return switch (ballotType) {
            case "PPWP" -> "PEMILIHAN UMUM PRESIDEN DAN WAKIL PRESIDEN";
            case "DPR" -> "PEMILIHAN UMUM ANGGOTA DEWAN PERWAKILAN RAKYAT";
            case "DPD" -> "PEMILIHAN UMUM ANGGOTA DEWAN PERWAKILAN DAERAH";
            case "DPRD_PROVINSI" -> "PEMILIHAN UMUM ANGGOTA DPRD PROVINSI";
            case "DPRD_KABKOTA" -> "PEMILIHAN UMUM ANGGOTA DPRD KABUPATEN/KOTA";
            case "PILKADA_GUBERNUR" -> "PEMILIHAN GUBERNUR DAN WAKIL GUBERNUR";
            default -> "PEMILIHAN BUPATI/WALI KOTA DAN WAKIL BUPATI/WALI KOTA";
        };
    }

    private static String tierPhrase(String tier) {
        return switch (tier) {
            case "KECAMATAN" -> "DI TINGKAT KECAMATAN";
            case "KABKOTA" -> "DI TINGKAT KABUPATEN/KOTA";
            case "PROVINSI" -> "DI TINGKAT PROVINSI";
            default -> "DI TINGKAT NASIONAL";
        };
    }

    private void header(Writer w, DHasil d) throws IOException {
        String code = formCode(d);
        float boxW = BOLD.getStringWidth(code) / 1000 * 9 + 12;
        w.box(MARGIN + WIDTH - boxW, w.y - 4, boxW, 16);
        w.text(MARGIN + WIDTH - boxW + 6, w.y + 1, BOLD, 9, code);
        w.y -= 30;
        w.centered(BOLD, 11, "BERITA ACARA DAN SERTIFIKAT");
        w.centered(BOLD, 11, "REKAPITULASI HASIL PENGHITUNGAN PEROLEHAN SUARA");
        w.centered(BOLD, 10, election(d.getBallotType()));
        w.centered(BOLD, 10, tierPhrase(d.getTier()));
        w.y -= 8;
        Wilayah wilayah = Wilayah.indonesia();
        String r = d.getRegionCode();
        List<String[]> identity = new ArrayList<>();
        if (!"NASIONAL".equals(d.getTier())) {
            identity.add(new String[] {"Provinsi", name(wilayah, r.substring(0, 2)) + " (" + r.substring(0, 2) + ")"});
        }
        if (r.length() >= 5) {
            identity.add(new String[] {"Kabupaten/Kota", name(wilayah, r.substring(0, 5)) + " (" + r.substring(0, 5)
                    + ")"});
        }
        if (r.length() >= 8) {
            identity.add(new String[] {"Kecamatan", name(wilayah, r.substring(0, 8)) + " (" + r.substring(0, 8) + ")"});
        }
        if ("NASIONAL".equals(d.getTier())) {
            identity.add(new String[] {"Wilayah", "Indonesia (seluruh provinsi)"});
        }
        identity.add(new String[] {"Versi D.Hasil", d.getVersion() + (d.getPreviousSha256() == null ? ""
                : " (menggantikan versi " + (d.getVersion() - 1) + ")")});
        identity.add(new String[] {"Ditetapkan", WHEN.format(d.getFinalizedAt()) + " oleh " + d.getFinalizedBy()
                + " (" + d.getFinalizedRole() + ")"});
        for (String[] line : identity) {
            w.ensure(13);
            w.text(MARGIN, w.y, REGULAR, 9, line[0]);
            w.text(MARGIN + 100, w.y, REGULAR, 9, ": " + line[1]);
            w.y -= 13;
        }
        w.y -= 6;
    }

    private static String name(Wilayah wilayah, String code) {
        return wilayah.find(code).map(Region::name).orElse(code);
    }

    private void voters(Writer w, Map<String, Long> t) throws IOException {
        w.section("I. DATA PEMILIH DAN PENGGUNAAN HAK PILIH");
        String[][] rows = {
            {"dpt", "A.1 Pemilih dalam DPT"}, {"dptb", "A.2 Pemilih dalam DPTb (pindahan)"},
            {"dpk", "A.3 Pemilih dalam DPK (khusus)"}, {"all", "A.4 Jumlah pemilih (A.1 + A.2 + A.3)"},
            {"voted.dpt", "B.1 Pengguna hak pilih dalam DPT"}, {"voted.dptb", "B.2 Pengguna hak pilih dalam DPTb"},
            {"voted.dpk", "B.3 Pengguna hak pilih dalam DPK"}, {"voted.all", "B.4 Jumlah pengguna hak pilih"}};
        List<String[]> body = new ArrayList<>();
        for (String[] row : rows) {
            if (t.containsKey(row[0] + ".total")) {
                body.add(new String[] {row[1], num(t.get(row[0] + ".men")), num(t.get(row[0] + ".women")),
                        num(t.get(row[0] + ".total"))});
            }
        }
        w.table(new float[] {WIDTH - 240, 80, 80, 80}, new String[] {"Uraian", "Laki-laki", "Perempuan", "Jumlah"},
                body, 1);
    }

    private void ballots(Writer w, Map<String, Long> t) throws IOException {
        w.section("II. DATA PENGGUNAAN SURAT SUARA");
        String[][] rows = {
            {C1FieldKeys.BALLOTS_RECEIVED, "1. Surat suara diterima (termasuk cadangan 2%)"},
            {C1FieldKeys.BALLOTS_USED, "2. Surat suara digunakan"},
            {C1FieldKeys.BALLOTS_DAMAGED, "3. Surat suara rusak/keliru coblos yang dikembalikan"},
            {C1FieldKeys.BALLOTS_UNUSED, "4. Surat suara tidak digunakan"}};
        List<String[]> body = new ArrayList<>();
        for (String[] row : rows) {
            if (t.containsKey(row[0])) {
                body.add(new String[] {row[1], num(t.get(row[0]))});
            }
        }
        w.table(new float[] {WIDTH - 80, 80}, new String[] {"Uraian", "Jumlah"}, body, 1);
    }

    private void votes(Writer w, DHasil d, Map<String, Long> t) throws IOException {
        w.section("III. PEROLEHAN SUARA");
        List<String[]> body = new ArrayList<>();
        for (String key : voteKeys(d.getKeys())) {
            body.add(new String[] {voteLabel(key, d.getBallotType()), num(t.get(key))});
        }
        w.table(new float[] {WIDTH - 80, 80}, new String[] {"Peserta", "Suara sah"}, body, 1);
        w.section("IV. JUMLAH SUARA SAH DAN TIDAK SAH");
        List<String[]> sums = new ArrayList<>();
        sums.add(new String[] {"A. Jumlah seluruh suara sah", num(t.get(C1FieldKeys.VOTES_VALID))});
        sums.add(new String[] {"B. Jumlah suara tidak sah", num(t.get(C1FieldKeys.VOTES_INVALID))});
        sums.add(new String[] {"C. Jumlah seluruh suara sah dan tidak sah (A + B)",
                num(t.get(C1FieldKeys.VOTES_TOTAL))});
        w.table(new float[] {WIDTH - 80, 80}, new String[] {"Uraian", "Jumlah"}, sums, 1);
    }

    private void children(Writer w, DHasil d) throws IOException {
        List<String> shownVotes = voteKeys(d.getKeys());
        if (shownVotes.size() > 4) {
            shownVotes = List.of();
        }
        List<String> columns = new ArrayList<>(shownVotes);
        columns.add(C1FieldKeys.VOTES_VALID);
        columns.add(C1FieldKeys.VOTES_INVALID);
        columns.add(C1FieldKeys.VOTES_TOTAL);
        if ("KECAMATAN".equals(d.getTier())) {
            Map<String, long[]> perDesa = new LinkedHashMap<>();
            Map<String, Integer> tpsPerDesa = new LinkedHashMap<>();
            for (DHasil.Row row : d.getRows()) {
                long[] n = row.numbers();
                long[] sum = perDesa.computeIfAbsent(row.group(), k -> new long[d.getKeys().size()]);
                tpsPerDesa.merge(row.group(), 1, Integer::sum);
                for (int i = 0; i < n.length; i++) {
                    sum[i] += n[i];
                }
            }
            w.section("V. RINCIAN PER DESA/KELURAHAN");
            Wilayah wilayah = Wilayah.indonesia();
            List<String[]> body = new ArrayList<>();
            perDesa.forEach((desa, sum) -> body.add(row(new String[] {desa, name(wilayah, desa),
                    tpsPerDesa.get(desa) + " TPS"}, d.getKeys(), sum, columns)));
            childTable(w, new String[] {"Kode", "Desa/Kelurahan", "TPS"}, new float[] {70, 0, 45}, columns, body,
                    d.getBallotType());
            w.section("VI. RINCIAN PER TPS (angka yang digunakan dan versi hasil TPS)");
            List<String[]> tps = new ArrayList<>();
            for (DHasil.Row row : d.getRows()) {
                String source = row.decision() != null ? "keputusan: " + row.decision()
                        : "v" + row.sourceVersion() + " " + row.status();
                tps.add(row(new String[] {row.code(), source}, d.getKeys(), row.numbers(), columns));
            }
            childTable(w, new String[] {"TPS", "Sumber"}, new float[] {95, 0}, columns, tps, d.getBallotType());
        } else {
            String title = switch (d.getTier()) {
                case "KABKOTA" -> "V. RINCIAN PER KECAMATAN (dari D.Hasil Kecamatan)";
                case "PROVINSI" -> "V. RINCIAN PER KABUPATEN/KOTA (dari D.Hasil Kabupaten/Kota)";
                default -> "V. RINCIAN PER PROVINSI (dari D.Hasil Provinsi)";
            };
            w.section(title);
            List<String[]> body = new ArrayList<>();
            for (DHasil.Row row : d.getRows()) {
                body.add(row(new String[] {row.code(), row.name(), "v" + row.sourceVersion()}, d.getKeys(),
                        row.numbers(), columns));
            }
            childTable(w, new String[] {"Kode", "Wilayah", "Versi"}, new float[] {50, 0, 35}, columns, body,
                    d.getBallotType());
        }
    }

    private void childTable(Writer w, String[] lead, float[] leadWidths, List<String> columns, List<String[]> body,
                            String ballotType) throws IOException {
        float numberWidth = 52;
        float fixed = 0;
        for (float f : leadWidths) {
            fixed += f;
        }
        float flexible = WIDTH - fixed - numberWidth * columns.size();
        float[] widths = new float[lead.length + columns.size()];
        String[] head = new String[widths.length];
        for (int i = 0; i < lead.length; i++) {
            widths[i] = leadWidths[i] == 0 ? flexible : leadWidths[i];
            head[i] = lead[i];
        }
        for (int i = 0; i < columns.size(); i++) {
            widths[lead.length + i] = numberWidth;
            head[lead.length + i] = shortLabel(columns.get(i), ballotType);
        }
        w.table(widths, head, body, lead.length);
    }

    private static String[] row(String[] lead, List<String> keys, long[] numbers, List<String> columns) {
        String[] out = new String[lead.length + columns.size()];
        System.arraycopy(lead, 0, out, 0, lead.length);
        for (int i = 0; i < columns.size(); i++) {
            int at = keys.indexOf(columns.get(i));
            out[lead.length + i] = numbers.length == 0 ? "-" : at < 0 ? "0" : num(numbers[at]);
        }
        return out;
    }

    private void notes(Writer w, DHasil d) throws IOException {
        w.section("VII. KOREKSI");
        if (d.getCorrections().isEmpty()) {
            w.paragraph(REGULAR, 9, "Tidak ada koreksi.", 0);
        }
        for (DHasil.Correction c : d.getCorrections()) {
            w.paragraph(REGULAR, 9, c.id() + "  " + c.target() + "  " + c.key() + ": " + num(c.before()) + " menjadi "
                    + num(c.after()) + (c.objectionId() == null ? "" : "  (atas keberatan " + c.objectionId() + ")")
                    + ". Alasan: " + c.reason() + ". Oleh " + c.by() + ", " + WHEN.format(c.at()) + ".", 0);
        }
        w.section("VIII. KEBERATAN SAKSI/PENGAWAS DAN JAWABANNYA (D.KEJADIAN KHUSUS DAN/ATAU KEBERATAN)");
        if (d.getObjections().isEmpty()) {
            w.paragraph(REGULAR, 9, "Tidak ada keberatan.", 0);
        }
        for (DHasil.Objection o : d.getObjections()) {
            String answer = o.answer() == null ? "belum dijawab" : ("accepted".equals(o.answer()) ? "DITERIMA" : "DITOLAK")
                    + ": " + o.answerReason() + (o.correctionId() == null ? "" : " (koreksi " + o.correctionId() + ")");
            w.paragraph(REGULAR, 9, o.id() + "  " + o.filedBy() + " (" + o.represents() + ") atas " + o.target()
                    + (o.field() == null ? "" : ", kolom " + o.field()) + ": " + o.claim() + "  Jawaban: " + answer
                    + ".", 0);
        }
        w.section("IX. KEJADIAN KHUSUS");
        if (d.getEvents().isEmpty()) {
            w.paragraph(REGULAR, 9, "Tidak ada kejadian khusus.", 0);
        }
        for (DHasil.Event e : d.getEvents()) {
            w.paragraph(REGULAR, 9, e.id() + (e.target() == null ? "" : "  " + e.target()) + ": " + e.description()
                    + " (dicatat " + e.by() + ", " + WHEN.format(e.at()) + ")", 0);
        }
        if (!d.getDecisions().isEmpty()) {
            w.section("X. KEPUTUSAN ATAS TPS TANPA HASIL YANG DIHITUNG");
            for (DHasil.Decision x : d.getDecisions()) {
                w.paragraph(REGULAR, 9, x.target() + ": " + x.decision() + " - " + x.reason() + " (" + x.by() + ", "
                        + WHEN.format(x.at()) + ")", 0);
            }
        }
    }

    private void footer(Writer w, DHasil d, String verifyUrl) throws IOException {
        float qrSize = 110;
        w.ensure(qrSize + 40);
        w.y -= 10;
        w.line(MARGIN, w.y, MARGIN + WIDTH, w.y);
        w.y -= 14;
        float top = w.y;
        qr(w, verifyUrl, MARGIN + WIDTH - qrSize, top - qrSize + 8, qrSize);
        float textWidth = WIDTH - qrSize - 12;
        w.paragraph(BOLD, 10, "PENGESAHAN ELEKTRONIK", 0, textWidth);
        w.paragraph(REGULAR, 8.5f, "Dokumen ini ditandatangani secara elektronik (Ed25519) oleh layanan rekapitulasi. "
                + "Pindai kode QR atau buka alamat di bawah untuk memeriksa bahwa isinya tidak berubah.", 0, textWidth);
        w.paragraph(REGULAR, 8.5f, "Alamat verifikasi: " + verifyUrl, 0, textWidth);
        w.paragraph(REGULAR, 8.5f, "SHA-256: " + d.getSha256(), 0, textWidth);
        w.paragraph(REGULAR, 8.5f, "Kunci penanda tangan: " + d.getKeyId(), 0, textWidth);
        if (d.isDevKey()) {
            w.paragraph(BOLD, 9, "KUNCI PENGEMBANGAN (DEV ONLY) - BUKAN DOKUMEN RESMI KPU.", 0, textWidth);
        }
        w.y = Math.min(w.y, top - qrSize);
    }

    private static void qr(Writer w, String text, float x, float y, float size) throws IOException {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 1, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
        float module = size / m.getWidth();
        w.cs.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < m.getHeight(); row++) {
            for (int col = 0; col < m.getWidth(); col++) {
                if (m.get(col, row)) {
                    w.cs.addRect(x + col * module, y + size - (row + 1) * module, module, module);
                }
            }
        }
        w.cs.fill();
    }

    static List<String> voteKeys(List<String> keys) {
        return keys.stream().filter(k -> k.startsWith("votes.") && !k.equals(C1FieldKeys.VOTES_VALID)
                && !k.equals(C1FieldKeys.VOTES_INVALID) && !k.equals(C1FieldKeys.VOTES_TOTAL)).toList();
    }

    static String voteLabel(String key, String ballotType) {
        String[] p = key.split("\\.");
        if (p.length == 3 && p[1].equals("candidate")) {
            return ("DPD".equals(ballotType) ? "Calon nomor urut " : "Pasangan calon nomor urut ") + p[2];
        }
        if (p.length == 3 && p[1].equals("party")) {
            return "Partai nomor urut " + p[2] + " (suara partai)";
        }
        if (p.length == 5 && p[1].equals("party")) {
            return "     Partai " + p[2] + ", calon nomor urut " + p[4];
        }
        return key;
    }

    static String shortLabel(String key, String ballotType) {
        return switch (key) {
            case C1FieldKeys.VOTES_VALID -> "Sah";
            case C1FieldKeys.VOTES_INVALID -> "Tidak sah";
            case C1FieldKeys.VOTES_TOTAL -> "Jumlah";
            default -> {
                String[] p = key.split("\\.");
                yield p.length == 3 && p[1].equals("candidate") ? ("DPD".equals(ballotType) ? "Calon " : "Paslon ")
                        + p[2] : key;
            }
        };
    }

    private static Map<String, Long> map(List<String> keys, long[] numbers) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < numbers.length; i++) {
            out.put(keys.get(i), numbers[i]);
        }
        return out;
    }

    private static String num(Long n) {
        return n == null ? "-" : NumberFormat.getIntegerInstance(Locale.forLanguageTag("id-ID")).format(n);
    }

    private static String num(long n) {
        return num(Long.valueOf(n));
    }

    /** Page cursor: writes top-down, opens a new page when the next block does not fit. */
    private static final class Writer {

        final PDDocument doc;
        final String formCode;
        PDPageContentStream cs;
        float y;
        int pages;

        Writer(PDDocument doc, String formCode) throws IOException {
            this.doc = doc;
            this.formCode = formCode;
            newPage();
        }

        void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            pages++;
            text(MARGIN, 20, REGULAR, 7.5f, formCode + "  -  halaman " + pages);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void ensure(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        void close() throws IOException {
            cs.close();
        }

        void text(float x, float atY, PDType1Font font, float size, String s) throws IOException {
            cs.setNonStrokingColor(0f, 0f, 0f);
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, atY);
            cs.showText(safe(s));
            cs.endText();
        }

        void centered(PDType1Font font, float size, String s) throws IOException {
            ensure(size + 4);
            float width = font.getStringWidth(safe(s)) / 1000 * size;
            text(MARGIN + (WIDTH - width) / 2, y, font, size, s);
            y -= size + 4;
        }

        void section(String title) throws IOException {
            ensure(40);
            y -= 6;
            text(MARGIN, y, BOLD, 9.5f, title);
            y -= 14;
        }

        void paragraph(PDType1Font font, float size, String s, float indent) throws IOException {
            paragraph(font, size, s, indent, WIDTH);
        }

        void paragraph(PDType1Font font, float size, String s, float indent, float width) throws IOException {
            for (String line : wrap(font, size, safe(s), width - indent)) {
                ensure(size + 3);
                text(MARGIN + indent, y, font, size, line);
                y -= size + 3;
            }
            y -= 2;
        }

        void box(float x, float atY, float w, float h) throws IOException {
            cs.setLineWidth(0.8f);
            cs.addRect(x, atY, w, h);
            cs.stroke();
        }

        void line(float x1, float y1, float x2, float y2) throws IOException {
            cs.setLineWidth(0.6f);
            cs.moveTo(x1, y1);
            cs.lineTo(x2, y2);
            cs.stroke();
        }

        /** A bordered table; the first {@code textColumns} columns are left-aligned text, the rest right-aligned. */
        void table(float[] widths, String[] head, List<String[]> body, int textColumns) throws IOException {
            float rowH = 12.5f;
            float size = 8;
            ensure(rowH * 2);
            tableRow(widths, head, BOLD, size, rowH, textColumns, true);
            for (String[] row : body) {
                if (y - rowH < MARGIN) {
                    newPage();
                    tableRow(widths, head, BOLD, size, rowH, textColumns, true);
                }
                tableRow(widths, row, REGULAR, size, rowH, textColumns, false);
            }
            y -= 10;
        }

        private void tableRow(float[] widths, String[] cells, PDType1Font font, float size, float rowH,
                              int textColumns, boolean head) throws IOException {
            float x = MARGIN;
            if (head) {
                cs.setNonStrokingColor(0.9f, 0.9f, 0.9f);
                float total = 0;
                for (float wd : widths) {
                    total += wd;
                }
                cs.addRect(x, y - rowH, total, rowH);
                cs.fill();
            }
            for (int i = 0; i < widths.length; i++) {
                box(x, y - rowH, widths[i], rowH);
                String cell = fit(font, size, safe(cells[i] == null ? "" : cells[i]), widths[i] - 6);
                float cellW = font.getStringWidth(cell) / 1000 * size;
                float tx = i < textColumns || head ? x + 3 : x + widths[i] - 3 - cellW;
                text(tx, y - rowH + 3.5f, font, size, cell);
                x += widths[i];
            }
            y -= rowH;
        }

        private static String fit(PDType1Font font, float size, String s, float width) throws IOException {
            String out = s;
            while (!out.isEmpty() && font.getStringWidth(out) / 1000 * size > width) {
                out = out.substring(0, out.length() - 1);
            }
            return out;
        }

        private static List<String> wrap(PDType1Font font, float size, String s, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : s.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size > width && !line.isEmpty()) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
                while (font.getStringWidth(line.toString()) / 1000 * size > width && line.length() > 10) {
                    int cut = line.length() - 1;
                    while (cut > 1 && font.getStringWidth(line.substring(0, cut)) / 1000 * size > width) {
                        cut--;
                    }
                    lines.add(line.substring(0, cut));
                    line = new StringBuilder(line.substring(cut));
                }
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        /** Standard 14 fonts speak WinAnsi only: anything else becomes '?'. */
        private static String safe(String s) {
            StringBuilder out = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                out.append(c == '\u00a0' || c == '\u202f' ? ' ' : c >= 32 && c < 127 || c >= 160 && c <= 255 ? c : '?');
            }
            return out.toString();
        }
    }
}
