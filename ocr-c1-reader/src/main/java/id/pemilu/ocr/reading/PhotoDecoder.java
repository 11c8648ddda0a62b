package id.pemilu.ocr.reading;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes an uploaded photo with bounded memory: refuses files that are too big, not images, truncated or claiming
 * absurd dimensions (pixel bombs) before decoding, and subsamples large photos while decoding.
 */
public final class PhotoDecoder {

    public static final int MAX_BYTES = 15 * 1024 * 1024;
    static final long MAX_PIXELS = 50_000_000L;
    static final int MIN_SIDE = 500;
    /** Long side of the working image; larger photos are subsampled while decoding. */
    static final int WORKING_SIDE = 2200;

    private PhotoDecoder() {
    }

    public static GrayImage decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new UnreadablePhoto("berkas kosong: unggah foto formulir C.Hasil");
        }
        if (bytes.length > MAX_BYTES) {
            throw new UnreadablePhoto("berkas terlalu besar (maksimal 15 MB): kecilkan ukuran foto");
        }
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new UnreadablePhoto("berkas bukan gambar: unggah foto JPEG atau PNG");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > MAX_PIXELS || width > 20_000 || height > 20_000) {
                    throw new UnreadablePhoto("resolusi gambar tidak wajar (" + width + "x" + height
                            + " piksel): foto ulang dengan kamera biasa");
                }
                if (Math.min(width, height) < MIN_SIDE) {
                    throw new UnreadablePhoto("resolusi foto terlalu rendah (" + width + "x" + height
                            + " piksel): foto ulang lebih dekat, minimal " + MIN_SIDE + " piksel");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.max(1, Math.ceil(Math.max(width, height) / (double) (2 * WORKING_SIDE)));
                param.setSourceSubsampling(step, step, 0, 0);
                boolean[] damaged = {false};
                reader.addIIOReadWarningListener(new IIOReadWarningListener() {
                    @Override
                    public void warningOccurred(ImageReader source, String warning) {
                        damaged[0] = true;
                    }
                });
                BufferedImage image = reader.read(0, param);
                if (damaged[0]) {
                    throw new UnreadablePhoto("berkas gambar rusak atau terpotong: unggah ulang foto");
                }
                GrayImage gray = GrayImage.of(image);
                while (Math.max(gray.width(), gray.height()) > WORKING_SIDE * 1.4) {
                    gray = gray.half();
                }
                return gray;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadablePhoto unreadable) {
                throw unreadable;
            }
            throw new UnreadablePhoto("berkas gambar rusak atau terpotong: unggah ulang foto", e);
        }
    }
}
