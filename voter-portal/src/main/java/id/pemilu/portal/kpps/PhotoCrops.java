package id.pemilu.portal.kpps;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;

/**
 * Cuts the digit boxes of one field out of a C.Hasil photo (the rectangle the reader reported, plus a margin), so
 * the officer compares the number read with the handwriting without zooming. The last few decoded photos are kept
 * (a draft page asks for several crops of the same photo at once).
 */
@Component
class PhotoCrops {

    static final int MAX_WIDTH = 640;
    private static final int KEEP = 6;

    private final Map<String, BufferedImage> decoded = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, BufferedImage> eldest) {
            return size() > KEEP;
        }
    };

    /** JPEG of the area around {@code (x, y, width, height)}; null if the photo cannot be decoded. */
    byte[] crop(String sha256, Supplier<byte[]> photo, int x, int y, int width, int height) {
        BufferedImage image = image(sha256, photo);
        if (image == null) {
            return null;
        }
        int margin = Math.max(4, height / 4);
        int left = Math.max(0, x - margin);
        int top = Math.max(0, y - margin);
        int right = Math.min(image.getWidth(), x + width + margin);
        int bottom = Math.min(image.getHeight(), y + height + margin);
        if (right <= left || bottom <= top) {
            return null;
        }
        double scale = Math.min(1, MAX_WIDTH / (double) (right - left));
        int w = Math.max(1, (int) Math.round((right - left) * scale));
        int h = Math.max(1, (int) Math.round((bottom - top) * scale));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, left, top, right, bottom, null);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(out, "jpg", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private BufferedImage image(String sha256, Supplier<byte[]> photo) {
        synchronized (decoded) {
            BufferedImage cached = decoded.get(sha256);
            if (cached != null) {
                return cached;
            }
        }
        byte[] bytes = photo.get();
        if (bytes == null) {
            return null;
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            return null;
        }
        if (image != null) {
            synchronized (decoded) {
                decoded.put(sha256, image);
            }
        }
        return image;
    }
}
