package id.pemilu.ocr.reading;

import id.pemilu.common.events.C1FormRead.PixelBox;
import id.pemilu.ocr.form.FormTemplate;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each field's digit boxes lie on the photo: the template's boxes mapped through the located page onto the
 * working image, then scaled to the pixels of the photo as sent (the decoder works on a reduced copy).
 */
final class FieldBoxes {

    private FieldBoxes() {
    }

    /** The boxes of an analysed page on the photo {@code photo} (its size read from the header). */
    static Map<String, PixelBox> of(FormReader.Analysis analysis, byte[] photo) {
        int[] size = photoSize(photo);
        return of(analysis.template(), analysis.page().templateToImage(), analysis.image(), size[0], size[1]);
    }

    /** Width and height from the image header, without decoding; {0, 0} when unreadable. */
    static int[] photoSize(byte[] photo) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(photo))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return new int[] {0, 0};
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return new int[] {0, 0};
        }
    }

    /**
     * @param photoWidth  width of the photo as sent (pixels); the working image's width when unknown
     * @param photoHeight height of the photo as sent
     */
    static Map<String, PixelBox> of(FormTemplate template, Homography templateToImage, GrayImage image,
                                    int photoWidth, int photoHeight) {
        double sx = photoWidth > 0 ? photoWidth / (double) image.width() : 1;
        double sy = photoHeight > 0 ? photoHeight / (double) image.height() : 1;
        int maxX = photoWidth > 0 ? photoWidth : image.width();
        int maxY = photoHeight > 0 ? photoHeight : image.height();
        Map<String, PixelBox> out = new LinkedHashMap<>();
        for (FormTemplate.Field field : template.fields()) {
            double left = Double.MAX_VALUE;
            double top = Double.MAX_VALUE;
            double right = -Double.MAX_VALUE;
            double bottom = -Double.MAX_VALUE;
            for (FormTemplate.Rect box : field.boxes()) {
                double[][] corners = {templateToImage.map(box.x(), box.y()),
                        templateToImage.map(box.x() + box.width(), box.y()),
                        templateToImage.map(box.x() + box.width(), box.y() + box.height()),
                        templateToImage.map(box.x(), box.y() + box.height())};
                for (double[] c : corners) {
                    left = Math.min(left, c[0] * sx);
                    right = Math.max(right, c[0] * sx);
                    top = Math.min(top, c[1] * sy);
                    bottom = Math.max(bottom, c[1] * sy);
                }
            }
            if (right < left) {
                continue;
            }
            int x = clamp((int) Math.floor(left), maxX);
            int y = clamp((int) Math.floor(top), maxY);
            int w = clamp((int) Math.ceil(right), maxX) - x;
            int h = clamp((int) Math.ceil(bottom), maxY) - y;
            if (w > 0 && h > 0) {
                out.put(field.key(), new PixelBox(x, y, w, h));
            }
        }
        return out;
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
