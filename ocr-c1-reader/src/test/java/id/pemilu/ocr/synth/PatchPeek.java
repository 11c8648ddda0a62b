package id.pemilu.ocr.synth;

import id.pemilu.ocr.digit.MnistFile;
import id.pemilu.ocr.form.FormTemplates;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Looks at {@link BoxPatches}: how long a piece takes and what its boxes look like as the network sees them (a PNG of
 * the first 200 28x28 inputs; their labels are printed row by row). With the classpath of {@code bench.sh}:
 * {@code java -cp "$CP" id.pemilu.ocr.synth.PatchPeek 600 /tmp/patches.png [BLURRY]}.
 */
public final class PatchPeek {

    private PatchPeek() {
    }

    public static void main(String[] args) throws Exception {
        int pieces = Integer.parseInt(args[0]);
        MnistFile mnist = MnistFile.load(MnistFile.defaultDirectory());
        BoxPatches patches = new BoxPatches(FormTemplates.load().all(), new HandwrittenDigits(mnist, 0, 48_000),
                args.length > 2 && args[2].equals("BLURRY") ? BoxPatches.Photo.BLURRY : BoxPatches.Photo.ORDINARY);
        Random random = new Random(1);
        List<float[]> boxes = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < pieces; i++) {
            boxes.addAll(patches.piece(random));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%d pieces, %d boxes in %.1f s (%.1f ms per box)%n", pieces, boxes.size(), seconds,
                1000 * seconds / Math.max(1, boxes.size()));
        int n = Math.min(200, boxes.size()), perRow = 20, zoom = 2;
        BufferedImage image = new BufferedImage(perRow * 30 * zoom, ((n + perRow - 1) / perRow) * 30 * zoom,
                BufferedImage.TYPE_INT_RGB);
        StringBuilder labels = new StringBuilder();
        for (int k = 0; k < n; k++) {
            float[] box = boxes.get(k);
            labels.append((int) box[784]).append(k % perRow == perRow - 1 ? "\n" : " ");
            for (int y = 0; y < 28 * zoom; y++) {
                for (int x = 0; x < 28 * zoom; x++) {
                    int v = 255 - Math.round(255 * Math.max(0, Math.min(1, box[(y / zoom) * 28 + x / zoom])));
                    image.setRGB((k % perRow) * 30 * zoom + x, (k / perRow) * 30 * zoom + y, v * 0x010101);
                }
            }
        }
        javax.imageio.ImageIO.write(image, "png", Path.of(args[1]).toFile());
        System.out.print(labels);
    }
}
