package id.pemilu.ocr.bench;

import id.pemilu.ocr.digit.DigitClassifier;
import id.pemilu.ocr.digit.DigitNormalizer;
import id.pemilu.ocr.form.FormTemplate;
import id.pemilu.ocr.form.FormTemplates;
import id.pemilu.ocr.reading.BoxSampler;
import id.pemilu.ocr.reading.FormReader;
import id.pemilu.ocr.reading.PhotoDecoder;
import id.pemilu.ocr.reading.PrintedTextReader;
import id.pemilu.ocr.reading.UnreadablePhoto;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the digit errors on the independent generator's photos come from, box by box: every box that holds a written
 * digit is cut and classified as the reader does, and each error is counted by kind (a written digit taken as certainly
 * empty, or a wrong top digit), by the true and read digit (confusion table), and by what the box looks like (ink
 * touching the sampled area's edge, ink mass, the box's stroke darkness). With {@code --montage DIR} the first wrong
 * boxes are drawn next to their 28x28 input (PNG) to look at.
 * <pre>
 * ./mvnw -q -pl ocr-c1-reader test-compile exec:java -Dexec.mainClass=id.pemilu.ocr.bench.BoxFailures \
 *     -Dexec.classpathScope=test -Dexec.args="--forms 42 --seed 9300000 --kind MIXED --montage target/failures"
 * </pre>
 */
public final class BoxFailures {

    private BoxFailures() {
    }

    public static void main(String[] args) throws Exception {
        int forms = 42;
        long seed = 9_300_000;
        String kind = "MIXED";
        Path montage = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--forms" -> forms = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--kind" -> kind = args[i + 1];
                case "--montage" -> montage = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        FormTemplates templates = FormTemplates.load();
        IndependentForms generator = new IndependentForms();
        int[][] confusion = new int[10][11];
        Map<String, int[]> byTouch = new TreeMap<>();
        Map<String, int[]> byMass = new TreeMap<>();
        Map<String, int[]> byConfidence = new TreeMap<>();
        List<float[][]> wrongInk = new ArrayList<>();
        List<float[]> wrongInput = new ArrayList<>();
        List<String> wrongLabel = new ArrayList<>();
        int boxes = 0, lost = 0, wrong = 0, refused = 0;
        try (DigitClassifier classifier = DigitClassifier.load();
             FormReader reader = new FormReader(templates, classifier, PrintedTextReader.none(), 1)) {
            for (int i = 0; i < forms; i++) {
                FormTemplate template = templates.all().get(i % templates.all().size());
                IndependentForms.Form form = generator.make(template, String.format("31.71.02.2002.%03d", 1 + i % 50),
                        seed + i, IndependentForms.Kind.valueOf(kind), IndependentForms.Officer.CAREFUL);
                FormReader.Analysis analysis;
                try {
                    analysis = reader.analyse(PhotoDecoder.decode(form.jpeg()));
                } catch (UnreadablePhoto e) {
                    refused++;
                    continue;
                }
                List<float[]> inputs = new ArrayList<>();
                List<int[]> where = new ArrayList<>();
                for (int f = 0; f < template.fields().size(); f++) {
                    FormTemplate.Field field = template.fields().get(f);
                    String text = String.valueOf(form.truth().get(field.key()));
                    int n = field.boxes().size();
                    for (int b = n - text.length(); b < n; b++) {
                        int digit = text.charAt(b - (n - text.length())) - '0';
                        BoxSampler.BoxInk ink = analysis.boxes().get(f).get(b);
                        boxes++;
                        float[] input = ink.emptyProbability() >= 1 ? null : DigitNormalizer.normalize(ink.ink());
                        String touch = touches(ink.ink());
                        String mass = ink.mass() <= 0 ? "0 (trace " + (ink.trace() > 0 ? ">0" : "0") + ")"
                                : ink.mass() < 14 ? "<14" : ink.mass() < 60 ? "14-60" : ink.mass() < 150
                                ? "60-150" : ink.mass() < 300 ? "150-300" : ">=300";
                        if (input == null) {
                            lost++;
                            confusion[digit][10]++;
                            count(byTouch, touch, true);
                            count(byMass, mass, true);
                            continue;
                        }
                        inputs.add(input);
                        where.add(new int[] {digit, f, b});
                        wrongInk.add(null);
                        wrongInput.add(null);
                        wrongLabel.add(touch + "|" + mass);
                    }
                }
                float[][] probabilities = classifier.classify(inputs);
                int base = wrongInk.size() - inputs.size();
                for (int k = 0; k < inputs.size(); k++) {
                    int digit = where.get(k)[0];
                    int top = 0;
                    for (int d = 1; d < 10; d++) {
                        if (probabilities[k][d] > probabilities[k][top]) {
                            top = d;
                        }
                    }
                    confusion[digit][top]++;
                    String[] labels = wrongLabel.get(base + k).split("\\|");
                    boolean bad = top != digit;
                    count(byTouch, labels[0], bad);
                    count(byMass, labels[1], bad);
                    double p = probabilities[k][top];
                    count(byConfidence, p < 0.9 ? "a <0.9" : p < 0.99 ? "b 0.9-0.99" : p < 0.9999 ? "c 0.99-0.9999"
                            : "d >=0.9999", bad);
                    if (bad) {
                        wrong++;
                        BoxSampler.BoxInk ink = analysis.boxes().get(where.get(k)[1]).get(where.get(k)[2]);
                        wrongInk.set(base + k, raw(analysis, template.fields().get(where.get(k)[1]).boxes()
                                .get(where.get(k)[2]), ink.ink()));
                        wrongInput.set(base + k, inputs.get(k));
                        wrongLabel.set(base + k, digit + "->" + top + String.format(" %.3f ", p) + labels[0]);
                    } else {
                        wrongLabel.set(base + k, null);
                    }
                }
                for (int k = wrongLabel.size() - 1; k >= base; k--) {
                    if (wrongLabel.get(k) == null) {
                        wrongLabel.remove(k);
                        wrongInk.remove(k);
                        wrongInput.remove(k);
                    }
                }
            }
        }
        System.out.printf("%d forms (%d refused), %d written boxes: %d taken as certainly empty (%.2f %%), %d with a "
                        + "wrong top digit (%.2f %%)%n", forms, refused, boxes, lost, 100.0 * lost / boxes, wrong,
                100.0 * wrong / boxes);
        System.out.println("confusion (row = written, column = read, last = certainly empty):");
        System.out.print("     ");
        for (int d = 0; d < 10; d++) {
            System.out.printf("%6d", d);
        }
        System.out.printf("%6s%8s%n", "empty", "err %");
        for (int d = 0; d < 10; d++) {
            System.out.printf("%5d", d);
            int total = 0;
            for (int k = 0; k <= 10; k++) {
                System.out.printf("%6d", confusion[d][k]);
                total += confusion[d][k];
            }
            System.out.printf("%8.2f%n", 100.0 * (total - confusion[d][d]) / Math.max(1, total));
        }
        print("by ink at the edge of the sampled area (sides touched)", byTouch);
        print("by ink mass on the fixed ramp", byMass);
        print("by stated top probability", byConfidence);
        if (montage != null) {
            Files.createDirectories(montage);
            writeMontage(montage.resolve("wrong-" + kind + "-" + seed + ".png"), wrongInk, wrongInput);
            Files.write(montage.resolve("wrong-" + kind + "-" + seed + ".txt"), wrongLabel);
        }
    }

    /** Which sides of the sampled ink map carry ink in their outermost row or column (t, b, l, r), or "none". */
    static String touches(float[][] ink) {
        int grid = ink.length;
        int lo = 2, hi = grid - 3;
        StringBuilder sides = new StringBuilder();
        double t = 0, b = 0, l = 0, r = 0;
        for (int k = lo; k <= hi; k++) {
            t += ink[lo][k] > 0.5 ? 1 : 0;
            b += ink[hi][k] > 0.5 ? 1 : 0;
            l += ink[k][lo] > 0.5 ? 1 : 0;
            r += ink[k][hi] > 0.5 ? 1 : 0;
        }
        if (t > 0) {
            sides.append('t');
        }
        if (b > 0) {
            sides.append('b');
        }
        if (l > 0) {
            sides.append('l');
        }
        if (r > 0) {
            sides.append('r');
        }
        return sides.isEmpty() ? "none" : sides.length() == 1 ? "one side" : "two+ sides";
    }

    private static void count(Map<String, int[]> table, String key, boolean bad) {
        int[] c = table.computeIfAbsent(key, k -> new int[2]);
        c[0]++;
        c[1] += bad ? 1 : 0;
    }

    private static void print(String title, Map<String, int[]> table) {
        System.out.println(title + ":");
        table.forEach((k, c) -> System.out.printf("  %-22s boxes %6d  errors %5d  (%.2f %%)%n", k, c[0], c[1],
                100.0 * c[1] / Math.max(1, c[0])));
    }

    /** RAW x RAW grey crop of the photo around the box (a quarter of the box on each side), then the ink map. */
    static final int RAW = 48;

    private static float[][] raw(FormReader.Analysis analysis, FormTemplate.Rect box, float[][] ink) {
        float[][] out = new float[RAW + ink.length][];
        double mx = box.width() * 0.25, my = box.height() * 0.25;
        for (int y = 0; y < RAW; y++) {
            out[y] = new float[RAW];
            for (int x = 0; x < RAW; x++) {
                double[] p = analysis.page().templateToImage().map(box.x() - mx + (x + 0.5) * (box.width() + 2 * mx)
                        / RAW, box.y() - my + (y + 0.5) * (box.height() + 2 * my) / RAW);
                out[y][x] = analysis.image().sample(p[0], p[1]) / 255f;
            }
        }
        System.arraycopy(ink, 0, out, RAW, ink.length);
        return out;
    }

    private static void writeMontage(Path file, List<float[][]> crops, List<float[]> inputs) throws java.io.IOException {
        int n = Math.min(crops.size(), 60);
        int perRow = 5;
        int zoom = 2;
        int cellW = zoom * (RAW + 32 + 28) + 12, cellH = zoom * RAW + 8;
        int rows = Math.max(1, (n + perRow - 1) / perRow);
        BufferedImage image = new BufferedImage(perRow * cellW, rows * cellH, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.DARK_GRAY);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.dispose();
        for (int i = 0; i < n; i++) {
            int ox = (i % perRow) * cellW, oy = (i / perRow) * cellH;
            float[][] crop = crops.get(i);
            float[] input = inputs.get(i);
            for (int y = 0; y < RAW * zoom; y++) {
                for (int x = 0; x < RAW * zoom; x++) {
                    int v = Math.round(255 * Math.max(0, Math.min(1, crop[y / zoom][x / zoom])));
                    image.setRGB(ox + x, oy + y, (v << 16) | (v << 8) | v);
                }
            }
            for (int y = 0; y < 32 * zoom; y++) {
                for (int x = 0; x < 32 * zoom; x++) {
                    int v = 255 - Math.round(255 * crop[RAW + y / zoom][x / zoom]);
                    image.setRGB(ox + RAW * zoom + 4 + x, oy + y, (v << 16) | (v << 8) | 255);
                }
            }
            for (int y = 0; y < 28 * zoom; y++) {
                for (int x = 0; x < 28 * zoom; x++) {
                    int v = 255 - Math.round(255 * input[(y / zoom) * 28 + x / zoom]);
                    image.setRGB(ox + (RAW + 32) * zoom + 8 + x, oy + y, (255 << 16) | (v << 8) | v);
                }
            }
        }
        javax.imageio.ImageIO.write(image, "png", file.toFile());
    }
}
