package id.pemilu.ocr.reading;

import static id.pemilu.ocr.reading.ReaderFixture.READER;
import static id.pemilu.ocr.reading.ReaderFixture.TEMPLATES;
import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.ocr.form.FormRenderer;
import id.pemilu.ocr.synth.PhotoSimulator;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class BadInputTest {

    private static String unreadable(byte[] bytes) {
        FormReading reading = READER.read(bytes);
        assertThat(reading.outcome()).isEqualTo(FormReading.UNREADABLE);
        assertThat(reading.fields()).isEmpty();
        return reading.reason();
    }

    @Test
    void notAnImage() {
        assertThat(unreadable("%PDF-1.7 hello".getBytes(StandardCharsets.UTF_8))).contains("bukan gambar");
        assertThat(unreadable(new byte[0])).contains("kosong");
    }

    @Test
    void truncatedPhoto() {
        byte[] photo = PhotoSimulator.jpeg(FormRenderer.image(TEMPLATES.get("PPWP"), "31.71.01.1001.001", 144), 0.9f);
        assertThat(unreadable(Arrays.copyOf(photo, photo.length / 3))).contains("rusak atau terpotong");
    }

    @Test
    void pixelBombIsRefusedBeforeDecoding() {
        assertThat(unreadable(pngHeader(100_000, 100_000))).contains("resolusi gambar tidak wajar");
    }

    @Test
    void hugeFileAndTinyImage() {
        assertThat(unreadable(new byte[PhotoDecoder.MAX_BYTES + 1])).contains("terlalu besar");
        assertThat(unreadable(png(new BufferedImage(200, 300, BufferedImage.TYPE_INT_RGB)))).contains("terlalu rendah");
    }

    @Test
    void blankPaperHasNoQrCode() {
        BufferedImage white = new BufferedImage(1200, 1700, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = white.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1200, 1700);
        g.dispose();
        assertThat(unreadable(png(white))).isEqualTo(PageLocator.NO_QR);
    }

    @Test
    void aBlankFormHasNothingToRead() {
        byte[] photo = PhotoSimulator.jpeg(FormRenderer.image(TEMPLATES.get("DPD"), "31.71.01.1001.001", 144), 0.9f);
        assertThat(unreadable(photo)).contains("formulir kosong");
    }

    @Test
    void aCoveredCornerMarker() {
        BufferedImage page = FormRenderer.image(TEMPLATES.get("PPWP"), "31.71.01.1001.001", 144);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(page.getWidth() - 120, page.getHeight() - 120, 120, 120);
        g.dispose();
        assertThat(unreadable(png(page))).isEqualTo("foto ulang: penanda sudut tidak ditemukan");
    }

    @Test
    void aQrCodeThatIsNotACHasilForm() throws Exception {
        var matrix = new com.google.zxing.qrcode.QRCodeWriter().encode("https://contoh.example/formulir",
                com.google.zxing.BarcodeFormat.QR_CODE, 600, 600);
        BufferedImage image = new BufferedImage(800, 1000, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 1000; y++) {
            for (int x = 0; x < 800; x++) {
                boolean dark = x >= 100 && x < 700 && y >= 200 && y < 800 && matrix.get(x - 100, y - 200);
                image.setRGB(x, y, dark ? 0 : 0xffffff);
            }
        }
        assertThat(unreadable(png(image))).contains("formulir salah");
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A PNG signature and IHDR chunk claiming the given size, with no pixel data. */
    private static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer file = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
        file.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        file.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        file.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt(0xAE426082);
        return file.array();
    }
}
