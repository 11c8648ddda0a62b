package id.pemilu.recap.submission;

import id.pemilu.common.domain.DomainException;
import id.pemilu.recap.photohash.PerceptualHash;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Checks an uploaded photo before anything is stored: only JPEG or PNG (by content, not by name), within the size
 * limit, complete (JPEG ends with its EOI marker, PNG with IEND), and with a width x height within the pixel limit,
 * read from the header without decoding the picture. Then decodes it once and re-encodes a public copy, which drops
 * every metadata block (EXIF, GPS, maker notes).
 */
final class PhotoCheck {

    /** At most two pictures are decoded at once, so big photos cannot exhaust the heap together. */
    private static final Semaphore DECODING = new Semaphore(2);

    /** {@code phash}: the perceptual hash (hex) of the picture, null when it has too little structure. */
    record Checked(String format, String contentType, int width, int height, byte[] publicCopy, String phash) {
    }

    private PhotoCheck() {
    }

    static Checked check(byte[] bytes, long maxBytes, long maxPixels) {
        if (bytes.length == 0) {
            throw DomainException.invalid("Berkas foto kosong.");
        }
        if (bytes.length > maxBytes) {
            throw new DomainException(DomainException.Kind.TOO_LARGE, "Foto terlalu besar",
                    "Ukuran foto " + bytes.length + " byte melebihi batas " + maxBytes + " byte.");
        }
        String format = sniff(bytes);
        if (format == null) {
            throw new DomainException(DomainException.Kind.UNSUPPORTED_CONTENT, "Bukan foto JPEG/PNG",
                    "Hanya foto JPEG atau PNG yang diterima.");
        }
        if (!complete(bytes, format)) {
            throw DomainException.invalid("Foto terpotong (berkas tidak lengkap); kirim ulang.");
        }
        int[] size = headerSize(bytes, format);
        if ((long) size[0] * size[1] > maxPixels || size[0] <= 0 || size[1] <= 0) {
            throw new DomainException(DomainException.Kind.TOO_LARGE, "Resolusi foto terlalu besar",
                    "Foto " + size[0] + "x" + size[1] + " piksel melebihi batas " + maxPixels + " piksel.");
        }
        String[] phash = new String[1];
        byte[] publicCopy = reencode(bytes, format, phash);
        String contentType = format.equals("png") ? "image/png" : "image/jpeg";
        return new Checked(format, contentType, size[0], size[1], publicCopy, phash[0]);
    }

    static String sniff(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "jpeg";
        }
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "png";
        }
        return null;
    }

    private static boolean complete(byte[] b, String format) {
        int end = b.length;
        if (format.equals("jpeg")) {
            // allow a little trailing padding some cameras add after the EOI marker
            for (int i = end - 2; i >= Math.max(2, end - 256); i--) {
                if ((b[i] & 0xff) == 0xFF && (b[i + 1] & 0xff) == 0xD9) {
                    return true;
                }
            }
            return false;
        }
        return end >= 12 && b[end - 8] == 'I' && b[end - 7] == 'E' && b[end - 6] == 'N' && b[end - 5] == 'D';
    }

    private static int[] headerSize(byte[] bytes, String format) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (!readers.hasNext()) {
                throw DomainException.invalid("Format foto tidak didukung.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException problem) {
                throw problem;
            }
            throw DomainException.invalid("Kepala berkas foto rusak: tidak dapat dibaca.");
        }
    }

    private static byte[] reencode(byte[] bytes, String format, String[] phash) {
        try {
            DECODING.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException(DomainException.Kind.UNAVAILABLE, "Sibuk", "Layanan sedang sibuk; coba lagi.");
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw DomainException.invalid("Foto tidak dapat dibaca.");
            }
            if (format.equals("jpeg") && image.getColorModel().hasAlpha()) {
                BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
                rgb.getGraphics().drawImage(image, 0, 0, null);
                image = rgb;
            }
            phash[0] = PerceptualHash.of(image).map(PerceptualHash::hex).orElse(null);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
            if (!ImageIO.write(image, format, out)) {
                throw DomainException.invalid("Foto tidak dapat disalin.");
            }
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException problem) {
                throw problem;
            }
            throw DomainException.invalid("Foto rusak: tidak dapat dibaca.");
        } finally {
            DECODING.release();
        }
    }
}
