package id.pemilu.desk.progress;

import id.pemilu.desk.report.Contest;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * The printable summary of a region (A4): progress, quick totals per candidate pair and one line per child region
 * (per TPS for a desa), every page stamped "BUKAN DATA RESMI" across and on top.
 */
final class SummaryPdf {

    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final float MARGIN = 40;
    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float HEIGHT = PDRectangle.A4.getHeight();
    private static final Color RED = new Color(190, 20, 20);
    private static final DateTimeFormatter WIB = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(
            ZoneId.of("Asia/Jakarta"));
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final PDDocument doc = new PDDocument();
    private PDPageContentStream cs;
    private float y;

    private SummaryPdf() {
    }

    static byte[] render(ProgressService.View view) {
        SummaryPdf pdf = new SummaryPdf();
        try {
            return pdf.write(view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] write(ProgressService.View v) throws IOException {
        newPage();
        Contest contest = Contest.valueOf(v.contest());
        text(BOLD, 16, MARGIN, "Rekap Data Cepat Desk Pilkada");
        y -= 20;
        text(REGULAR, 11, MARGIN, contest.title());
        y -= 15;
        text(REGULAR, 11, MARGIN, (levelName(v.region().level()) + " " + v.region().name()).trim() + " (" + v.region().code()
                + ")");
        y -= 15;
        text(REGULAR, 9, MARGIN, "Dibuat " + time(v.generatedAt()));
        y -= 22;
        Tally t = v.tally();
        text(BOLD, 11, MARGIN, "Kemajuan laporan");
        y -= 15;
        text(REGULAR, 10, MARGIN, "TPS melapor: " + t.reported() + " dari " + t.tpsTotal() + " (" + String.valueOf(t.percentReported()).replace('.', ',')
                + " %)   dijumlahkan: " + t.counted() + "   ditandai: " + t.flagged() + "   belum melapor: "
                + t.notReported());
        y -= 13;
        text(REGULAR, 10, MARGIN, "Laporan terakhir: " + (t.lastReportAt() == null ? "-" : time(t.lastReportAt())));
        y -= 22;
        text(BOLD, 11, MARGIN, "Jumlah cepat (hanya laporan yang lolos pemeriksaan)");
        y -= 16;
        for (Tally.Total total : t.totals()) {
            text(REGULAR, 10, MARGIN + 10, keyName(total.key()));
            textRight(BOLD, 10, MARGIN + 230, String.format("%,d", total.value()).replace(',', '.'));
            y -= 14;
        }
        if (v.races() > 1) {
            text(REGULAR, 9, MARGIN + 10, "Mencakup " + v.races() + " pemilihan berbeda: suara pasangan calon tidak "
                    + "dijumlahkan lintas pemilihan (lihat per wilayah).");
            y -= 14;
        }
        if (t.flagged() > 0) {
            text(REGULAR, 9, MARGIN + 10, t.flagged() + " TPS ditandai (gagal pemeriksaan, dikirim dengan alasan) "
                    + "tidak dijumlahkan di atas.");
            y -= 14;
        }
        y -= 12;
        rows(v);
        return finish();
    }

    private void rows(ProgressService.View v) throws IOException {
        if (v.rows().isEmpty()) {
            return;
        }
        boolean tpsRows = v.rows().get(0).tps() != null;
        int pairs = (int) v.tally().totals().stream().filter(x -> x.key().startsWith("votes.candidate.")).count();
        text(BOLD, 11, MARGIN, tpsRows ? "Per TPS" : "Per wilayah di bawahnya");
        y -= 16;
        header(tpsRows, pairs);
        for (ProgressService.Row row : v.rows()) {
            if (y < MARGIN + 40) {
                newPage();
                header(tpsRows, pairs);
            }
            float x = MARGIN;
            if (tpsRows) {
                ProgressService.TpsReport r = row.tps();
                text(REGULAR, 8, x, r.tpsCode());
                text(REGULAR, 8, x + 90, statusName(r.status()));
                text(REGULAR, 8, x + 160, r.reportedBy() == null ? "-" : clip(r.reportedBy(), 22));
                for (int p = 0; p < pairs; p++) {
                    textRight(REGULAR, 8, x + 310 + p * 45, r.numbers() == null ? "-"
                            : String.valueOf(valueOr(r.numbers().candidates(), p)));
                }
                textRight(REGULAR, 8, x + 310 + pairs * 45, r.numbers() == null || r.numbers().valid() == null ? "-"
                        : String.valueOf(r.numbers().valid()));
            } else {
                Tally t = row.tally();
                text(REGULAR, 8, x, row.region().code());
                text(REGULAR, 8, x + 70, clip(row.region().name(), 24));
                textRight(REGULAR, 8, x + 215, String.valueOf(t.tpsTotal()));
                textRight(REGULAR, 8, x + 250, String.valueOf(t.reported()));
                textRight(REGULAR, 8, x + 285, String.valueOf(t.flagged()));
                for (int p = 0; p < pairs; p++) {
                    textRight(REGULAR, 8, x + 330 + p * 45, String.valueOf(t.value("votes.candidate." + (p + 1))));
                }
                textRight(REGULAR, 8, x + 330 + pairs * 45, String.valueOf(t.value("votes.valid")));
            }
            y -= 12;
        }
    }

    private void header(boolean tpsRows, int pairs) throws IOException {
        float x = MARGIN;
        if (tpsRows) {
            text(BOLD, 8, x, "TPS");
            text(BOLD, 8, x + 90, "Status");
            text(BOLD, 8, x + 160, "Pelapor");
            for (int p = 0; p < pairs; p++) {
                textRight(BOLD, 8, x + 310 + p * 45, "Paslon " + (p + 1));
            }
            textRight(BOLD, 8, x + 310 + pairs * 45, "Sah");
        } else {
            text(BOLD, 8, x, "Kode");
            text(BOLD, 8, x + 70, "Nama");
            textRight(BOLD, 8, x + 215, "TPS");
            textRight(BOLD, 8, x + 250, "Lapor");
            textRight(BOLD, 8, x + 285, "Tanda");
            for (int p = 0; p < pairs; p++) {
                textRight(BOLD, 8, x + 330 + p * 45, "Paslon " + (p + 1));
            }
            textRight(BOLD, 8, x + 330 + pairs * 45, "Sah");
        }
        y -= 4;
        cs.setLineWidth(0.5f);
        cs.moveTo(MARGIN, y);
        cs.lineTo(WIDTH - MARGIN, y);
        cs.stroke();
        y -= 11;
    }

    private void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        stamp();
        cs.setNonStrokingColor(RED);
        cs.addRect(MARGIN, HEIGHT - 62, WIDTH - 2 * MARGIN, 26);
        cs.fill();
        cs.setNonStrokingColor(Color.WHITE);
        y = HEIGHT - 54;
        text(BOLD, 11, MARGIN + 8, "BUKAN DATA RESMI - Data cepat Desk Pilkada, bukan hasil resmi KPU");
        cs.setNonStrokingColor(Color.BLACK);
        text(REGULAR, 7, MARGIN, "Hasil resmi hanya dari rekapitulasi berjenjang KPU (Sirekap, D.Hasil). Data ini "
                + "laporan cepat pelapor pemerintah daerah.", HEIGHT - 74);
        y = HEIGHT - 100;
    }

    /** The diagonal stamp across the page, drawn first and translucent so the numbers stay readable. */
    private void stamp() throws IOException {
        PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
        translucent.setNonStrokingAlphaConstant(0.13f);
        cs.saveGraphicsState();
        cs.setGraphicsStateParameters(translucent);
        cs.setNonStrokingColor(RED);
        cs.beginText();
        cs.setFont(BOLD, 64);
        cs.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(50), 120, 170));
        cs.showText("BUKAN DATA RESMI");
        cs.endText();
        cs.restoreGraphicsState();
    }

    private byte[] finish() throws IOException {
        cs.close();
        int total = doc.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            try (PDPageContentStream footer = new PDPageContentStream(doc, doc.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true)) {
                footer.beginText();
                footer.setFont(REGULAR, 7);
                footer.newLineAtOffset(MARGIN, 22);
                footer.showText("Desk Pilkada - bukan data resmi - halaman " + (i + 1) + " dari " + total);
                footer.endText();
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        doc.close();
        return out.toByteArray();
    }

    private void text(PDType1Font font, float size, float x, String text) throws IOException {
        text(font, size, x, text, y);
    }

    private void text(PDType1Font font, float size, float x, String text, float atY) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, atY);
        cs.showText(safe(font, text));
        cs.endText();
    }

    private void textRight(PDType1Font font, float size, float right, String text) throws IOException {
        String safe = safe(font, text);
        text(font, size, right - font.getStringWidth(safe) / 1000 * size, safe);
    }

    /** Keeps what the standard PDF font can encode (WinAnsi); anything else becomes '?'. */
    private static String safe(PDType1Font font, String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IllegalArgumentException | IOException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + ".";
    }

    private static Object valueOr(List<Integer> list, int i) {
        return i < list.size() && list.get(i) != null ? list.get(i) : "-";
    }

    private static String time(Instant at) {
        return WIB.format(at) + " WIB (" + UTC.format(at) + " UTC)";
    }

    static String levelName(String level) {
        return switch (level) {
            case "PROVINSI" -> "Provinsi";
            case "KABKOTA" -> "";
            case "KECAMATAN" -> "Kecamatan";
            case "DESA" -> "Desa/Kelurahan";
            case "NASIONAL" -> "Nasional:";
            default -> level;
        };
    }

    static String keyName(String key) {
        if (key.startsWith("votes.candidate.")) {
            return "Pasangan calon nomor " + key.substring("votes.candidate.".length());
        }
        return switch (key) {
            case "votes.valid" -> "Suara sah";
            case "votes.invalid" -> "Suara tidak sah";
            case "votes.total" -> "Jumlah suara";
            default -> key;
        };
    }

    static String statusName(String status) {
        return switch (status) {
            case "reported" -> "masuk";
            case "flagged" -> "ditandai";
            case "belum_masuk" -> "belum masuk";
            default -> status;
        };
    }
}
