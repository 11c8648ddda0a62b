package id.pemilu.recap.testdata;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Small test pictures: a JPEG with an EXIF block (camera metadata), PNGs, and malformed files. */
public final class Images {

    public static final String EXIF_MARKER_TEXT = "GPS-6.1754S-106.8272E";

    private Images() {
    }

    public static byte[] jpegWithExif(int seed) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(seed * 37 % 255, seed * 91 % 255, 200));
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        byte[] plain = write(image, "jpeg");
        byte[] payload = ("Exif\0\0" + EXIF_MARKER_TEXT).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(plain.length + payload.length + 4);
        out.put(plain, 0, 2); // SOI
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (payload.length + 2)).put(payload);
        out.put(plain, 2, plain.length - 2);
        return out.array();
    }

    public static byte[] png(int width, int height) {
        return write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png");
    }

    /** A PNG that only claims to be {@code width x height}: valid signature, IHDR and IEND, no picture data. */
    public static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteBuffer out = ByteBuffer.allocate(8 + 25 + 12);
        out.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IEND", new byte[0]);
        return out.array();
    }

    private static void chunk(ByteBuffer out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.putInt(data.length).put(name).put(data).putInt((int) crc.getValue());
    }

    private static byte[] write(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
