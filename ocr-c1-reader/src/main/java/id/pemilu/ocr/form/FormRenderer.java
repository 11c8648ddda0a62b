package id.pemilu.ocr.form;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import id.pemilu.ocr.form.FormTemplate.Field;
import id.pemilu.ocr.form.FormTemplate.Label;
import id.pemilu.ocr.form.FormTemplate.Marker;
import id.pemilu.ocr.form.FormTemplate.Rect;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Prints the blank C.Hasil page of one TPS as PDF (PDFBox) with its QR code (ZXing), as KPU ships it to the TPS. */
public final class FormRenderer {

    /** QR version fixed so the reader knows where the finder patterns sit: 33 x 33 modules. */
    public static final int QR_VERSION = 4;
    public static final int QR_MODULES = 17 + 4 * QR_VERSION;
    /** Grey level of the printed box outlines: visible to a person, dropped by the reader's ink threshold. */
    static final float BOX_GREY = 0.62f;

    private FormRenderer() {
    }

    public static byte[] pdf(FormTemplate template, String tpsCode) {
        QrPayload payload = new QrPayload(template.ballotType(), tpsCode, template.page());
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle((float) template.width(), (float) template.height()));
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                draw(content, template, payload);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page as an RGB image at {@code dpi} (rendered from the PDF, so the photo simulator prints what KPU prints). */
    public static BufferedImage image(FormTemplate template, String tpsCode, float dpi) {
        try (PDDocument document = Loader.loadPDF(pdf(template, tpsCode))) {
            return new PDFRenderer(document).renderImageWithDPI(0, dpi, ImageType.RGB);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void draw(PDPageContentStream content, FormTemplate t, QrPayload payload) throws IOException {
        double h = t.height();
        content.setNonStrokingColor(0f, 0f, 0f);
        for (Marker marker : t.markers()) {
            double half = marker.size() / 2;
            content.addRect((float) (marker.x() - half), (float) (h - marker.y() - half), (float) marker.size(),
                    (float) marker.size());
        }
        content.fill();
        BitMatrix qr = qr(payload.encode());
        double module = t.qr().size() / qr.getWidth();
        for (int y = 0; y < qr.getHeight(); y++) {
            for (int x = 0; x < qr.getWidth(); x++) {
                if (qr.get(x, y)) {
                    content.addRect((float) (t.qr().x() + x * module), (float) (h - t.qr().y() - (y + 1) * module),
                            (float) module + 0.05f, (float) module + 0.05f);
                }
            }
        }
        content.fill();
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        float codeSize = 10;
        float codeWidth = bold.getStringWidth(payload.tpsCode()) / 1000 * codeSize;
        text(content, bold, codeSize, payload.tpsCode(), t.tpsCodeText().centerX() - codeWidth / 2,
                h - t.tpsCodeText().y() - 11);
        for (Label label : t.labels()) {
            text(content, label.bold() ? bold : regular, (float) label.fontSize(), label.text(), label.x(),
                    h - label.y());
        }
        content.setStrokingColor(BOX_GREY, BOX_GREY, BOX_GREY);
        content.setLineWidth(0.6f);
        for (Field field : t.fields()) {
            for (Rect box : field.boxes()) {
                content.addRect((float) box.x(), (float) (h - box.y() - box.height()), (float) box.width(),
                        (float) box.height());
            }
        }
        content.stroke();
    }

    private static void text(PDPageContentStream content, PDType1Font font, float size, String text, double x,
                             double baselineY) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset((float) x, (float) baselineY);
        content.showText(text);
        content.endText();
    }

    static BitMatrix qr(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.QR_VERSION, QR_VERSION));
        } catch (WriterException e) {
            throw new IllegalArgumentException("kode QR tidak dapat dibuat", e);
        }
    }
}
