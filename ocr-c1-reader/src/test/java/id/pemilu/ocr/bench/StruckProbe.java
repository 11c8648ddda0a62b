package id.pemilu.ocr.bench;

import id.pemilu.ocr.digit.DigitNormalizer;
import id.pemilu.ocr.digit.DigitTrainer;
import id.pemilu.ocr.digit.InkBlob;
import id.pemilu.ocr.digit.MnistFile;
import id.pemilu.ocr.digit.StruckDetector;
import id.pemilu.ocr.form.FormTemplate;
import id.pemilu.ocr.form.FormTemplates;
import id.pemilu.ocr.reading.BoxSampler;
import id.pemilu.ocr.reading.GrayImage;
import id.pemilu.ocr.reading.LocatedPage;
import id.pemilu.ocr.reading.PageLocator;
import id.pemilu.ocr.reading.PhotoDecoder;
import id.pemilu.ocr.reading.UnreadablePhoto;
import id.pemilu.ocr.synth.FormSynthesizer;
import id.pemilu.ocr.synth.FormSynthesizer.Officer;
import id.pemilu.ocr.synth.HandwrittenDigits;
import id.pemilu.ocr.synth.PhotoSimulator;
import id.pemilu.ocr.synth.VoteGenerator;
import id.pemilu.ocr.synth.Writing;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Measures {@link StruckDetector} alone on the written boxes of own synthesised forms (issue 19, tenth round): the
 * forms {@link NeverSilentTuning} makes for the same {@code --forms --seed --writing} (own synthesiser, MNIST
 * 48,000-49,999, the same officers), cut as the reader cuts them (no digit network runs, so it is fast). Per
 * crossed-out form the highest P(struck) among the boxes of the struck field; over the written boxes of all other
 * fields how many lie above each threshold. {@code --cache FILE} keeps the cut boxes ({@code --from FILE} reads them
 * back), {@code --params A,B} measures other parameter files beside the committed one, {@code --png DIR} saves the
 * struck fields' boxes (the ink as cut, and the 28x28 input). The cache keeps each box as cut beside its input
 * (twelfth round), and {@link BlobMeasures} measures blob rules on both. Measures only; never the independent
 * generator.
 * <pre>
 * ocr-c1-reader/bench.sh run StruckProbe --forms 120 --seed 8100000 --writing VARIED --png /tmp/struck-png
 * ocr-c1-reader/bench.sh run StruckProbe --forms 400 --seed 8300000 --crossed-out 1 --cache /tmp/x.bin
 * </pre>
 */
public final class StruckProbe {

    private static final double[] THRESHOLDS = {0.5, 0.9, 0.95, 0.99, 0.999};

    private StruckProbe() {
    }

    /** One written box: its form, whether that form is crossed out and the box is in its struck field. */
    record Box(int form, boolean crossedForm, boolean struckField, String key, int index, float[] input,
               float[] ink) {
    }

    public static void main(String[] args) throws Exception {
        int forms = 120;
        long seed = 8_100_000;
        Writing writing = Writing.VARIED;
        PhotoSimulator.Distortion distortion = PhotoSimulator.Distortion.ALL;
        double misAdded = 0.15;
        double crossed = 0.1;
        Path cache = null;
        Path from = null;
        Path png = null;
        List<String> params = new ArrayList<>();
        boolean list = false;
        boolean blobTables = true;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--forms" -> forms = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--writing" -> writing = Writing.named(args[i + 1]);
                case "--distortion" -> distortion = PhotoSimulator.Distortion.valueOf(args[i + 1]);
                case "--mis-added" -> misAdded = Double.parseDouble(args[i + 1]);
                case "--crossed-out" -> crossed = Double.parseDouble(args[i + 1]);
                case "--cache" -> cache = Path.of(args[i + 1]);
                case "--from" -> from = Path.of(args[i + 1]);
                case "--png" -> png = Path.of(args[i + 1]);
                case "--params" -> params.addAll(Arrays.asList(args[i + 1].split(",")));
                case "--list" -> list = Boolean.parseBoolean(args[i + 1]);
                case "--blob-tables" -> blobTables = Boolean.parseBoolean(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (crossed >= 1) {
            misAdded = 0;
        }
        List<Box> boxes = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        if (from != null) {
            read(from, boxes, labels);
        } else {
            FormTemplates templates = FormTemplates.load();
            PageLocator locator = new PageLocator(templates);
            MnistFile mnist = MnistFile.load(MnistFile.defaultDirectory());
            FormSynthesizer synthesizer = new FormSynthesizer(
                    new HandwrittenDigits(mnist, DigitTrainer.VALIDATION_START, MnistFile.FIRST_HELD_OUT));
            long started = System.nanoTime();
            for (int i = 0; i < forms; i++) {
                FormTemplate template = templates.all().get(i % templates.all().size());
                String tps = String.format("31.71.03.3003.%03d", 1 + i % 50);
                double draw = new SplittableRandom(seed + i).nextDouble();
                Officer officer = draw < misAdded ? Officer.MIS_ADDED
                        : draw < misAdded + crossed ? Officer.CROSSED_OUT : Officer.CAREFUL;
                FormSynthesizer.Synthesized photo = synthesizer.synthesize(template, tps, seed + i, distortion,
                        random -> VoteGenerator.generate(template, random), writing, officer);
                GrayImage image;
                LocatedPage page;
                try {
                    image = PhotoDecoder.decode(photo.jpeg());
                    page = locator.locate(image);
                } catch (UnreadablePhoto e) {
                    System.out.printf("  refused: form %d seed %d: %s%n", i, seed + i, e.getMessage());
                    continue;
                }
                labels.add(i + " " + officer + " " + template.ballotType() + " " + photo.marked());
                for (FormTemplate.Field field : template.fields()) {
                    boolean struckField = officer == Officer.CROSSED_OUT && field.key().equals(photo.marked());
                    for (int b = 0; b < field.boxes().size(); b++) {
                        BoxSampler.BoxInk ink = BoxSampler.sample(image, page.templateToImage(), field.boxes().get(b));
                        if (!ink.inked()) {
                            continue;
                        }
                        float[] input = DigitNormalizer.normalize(ink.ink());
                        if (input == null) {
                            continue;
                        }
                        boxes.add(new Box(i, officer == Officer.CROSSED_OUT, struckField, field.key(), b, input,
                                flat(ink.ink())));
                        if (struckField && png != null) {
                            Files.createDirectories(png);
                            String name = String.format("form%03d-%s-%s-box%d", i, template.ballotType(),
                                    field.key(), b);
                            save(ink.ink(), png.resolve(name + "-ink.png"));
                            save(square(input), png.resolve(name + "-input.png"));
                        }
                    }
                }
                if ((i + 1) % 20 == 0) {
                    System.out.printf("  %d forms cut (%.0f s)%n", i + 1, (System.nanoTime() - started) / 1e9);
                }
            }
            if (cache != null) {
                write(cache, boxes, labels);
            }
        }
        long crossedForms = boxes.stream().filter(Box::struckField).map(Box::form).distinct().count();
        long plain = boxes.stream().filter(b -> !b.struckField()).count();
        System.out.printf("%d forms, %d written boxes; %d crossed-out forms with a struck field cut, %d boxes of other "
                + "fields%n", labels.size(), boxes.size(), crossedForms, plain);
        List<float[]> inputs = boxes.stream().map(Box::input).toList();
        List<String> which = new ArrayList<>();
        which.add("committed");
        which.addAll(params);
        for (String name : which) {
            double[] p;
            try (StruckDetector detector = name.equals("committed") ? StruckDetector.load()
                    : StruckDetector.load(Path.of(name))) {
                p = detector.probabilities(inputs);
            }
            report(name, boxes, p);
            withBlob(name, boxes, p, list);
            if (name.equals("committed") && blobTables) {
                blobs(boxes, p);
                BlobMeasures.table(boxes, p);
            }
        }
    }

    /**
     * The reader's whole struck-box test for a detector (fourteenth round): P(struck) at or above a threshold, or the
     * {@link InkBlob} rule (a solid square of {@link InkBlob#SOLID_SIDE} cells as cut and P of at least
     * {@link InkBlob#DOUBT}); struck fields caught and plain boxes taken as struck per threshold; with {@code list}
     * every crossed-out form's highest P and solid square in its struck field.
     */
    private static void withBlob(String name, List<Box> boxes, double[] p, boolean list) {
        java.util.TreeMap<Integer, Double> highest = new java.util.TreeMap<>();
        java.util.TreeMap<Integer, String> keyOf = new java.util.TreeMap<>();
        java.util.TreeMap<Integer, Integer> side = new java.util.TreeMap<>();
        boolean[] blob = new boolean[boxes.size()];
        for (int i = 0; i < boxes.size(); i++) {
            Box box = boxes.get(i);
            float[][] cut = box.ink() == null ? null : unflat(box.ink());
            blob[i] = InkBlob.struck(cut, p[i]);
            if (box.struckField()) {
                highest.merge(box.form(), p[i], Math::max);
                keyOf.put(box.form(), box.key());
                side.merge(box.form(), cut == null ? 0 : InkBlob.solidSide(cut), Math::max);
            }
        }
        int[] sides = new int[boxes.size()];
        for (int i = 0; i < boxes.size(); i++) {
            sides[i] = boxes.get(i).ink() == null ? 0 : InkBlob.solidSide(unflat(boxes.get(i).ink()));
        }
        for (double doubt : new double[] {InkBlob.DOUBT, 0.5, 0.6, 0.8, 0.9, 2}) {
            for (double t : new double[] {0.5, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99}) {
                java.util.Set<Integer> caught = new java.util.TreeSet<>();
                long alarms = 0;
                for (int i = 0; i < boxes.size(); i++) {
                    boolean hit = p[i] >= t || p[i] >= doubt && sides[i] >= InkBlob.SOLID_SIDE;
                    if (hit && boxes.get(i).struckField()) {
                        caught.add(boxes.get(i).form());
                    } else if (hit) {
                        alarms++;
                    }
                }
                System.out.printf("  %s with the blob rule at P >= %.2f, threshold %.2f: struck fields caught %d of %d;"
                        + " plain boxes taken as struck %d%n", name, doubt, t, caught.size(), highest.size(), alarms);
            }
        }
        if (list) {
            StringBuilder all = new StringBuilder();
            highest.forEach((form, v) -> all.append(String.format(" form %d %s (P %.4f, square %d);", form,
                    keyOf.get(form), v, side.get(form))));
            System.out.println("  struck fields:" + all);
        }
    }

    private static float[][] unflat(float[] flat) {
        int n = (int) Math.round(Math.sqrt(flat.length));
        float[][] out = new float[n][n];
        for (int y = 0; y < n; y++) {
            System.arraycopy(flat, y * n, out[y], 0, n);
        }
        return out;
    }

    private static final double[] SHARES = {0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9};

    /**
     * The blob rule ({@link InkBlob}) beside the detector: the dark share of the plain boxes (quantiles, how many lie
     * above each candidate share) and, per crossed-out form, the highest share in the struck field; how many struck
     * fields the rule catches, in all and among those the detector misses at its threshold.
     */
    private static void blobs(List<Box> boxes, double[] p) {
        java.util.TreeMap<Integer, Double> share = new java.util.TreeMap<>();
        java.util.TreeMap<Integer, Double> detector = new java.util.TreeMap<>();
        java.util.TreeMap<Integer, String> keyOf = new java.util.TreeMap<>();
        List<Double> plain = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            Box box = boxes.get(i);
            double s = InkBlob.share(box.input());
            if (box.struckField()) {
                share.merge(box.form(), s, Math::max);
                detector.merge(box.form(), p[i], Math::max);
                keyOf.put(box.form(), box.key());
            } else {
                plain.add(s);
            }
        }
        double[] sorted = plain.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length > 0) {
            System.out.printf("blob share: plain boxes highest %.4f, 99.99th %.4f, 99.9th %.4f, 99th %.4f, median %.4f%n",
                    sorted[sorted.length - 1], sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.9999))],
                    sorted[(int) (sorted.length * 0.999)], sorted[(int) (sorted.length * 0.99)],
                    sorted[sorted.length / 2]);
        }
        for (double t : SHARES) {
            long alarms = plain.stream().filter(v -> v >= t).count();
            long caught = share.values().stream().filter(v -> v >= t).count();
            long rescued = share.entrySet().stream().filter(e -> e.getValue() >= t
                    && detector.get(e.getKey()) < StruckDetector.THRESHOLD).count();
            long missedByBoth = share.entrySet().stream().filter(e -> e.getValue() < t
                    && detector.get(e.getKey()) < StruckDetector.THRESHOLD).count();
            System.out.printf("  share %.2f: plain boxes above %d of %d; struck fields above %d of %d, of them missed by "
                    + "the detector %d (still missed by both %d)%n", t, alarms, plain.size(), caught, share.size(),
                    rescued, missedByBoth);
        }
        // the rule with the detector's doubt: a dense box (share) that the detector also finds somewhat struck (P)
        for (double t : new double[] {0.6, 0.65, 0.7, 0.75, 0.8}) {
            for (double q : new double[] {0.1, 0.3, 0.5, 0.7}) {
                long alarms = 0;
                java.util.Set<Integer> caught = new java.util.TreeSet<>();
                for (int i = 0; i < boxes.size(); i++) {
                    Box box = boxes.get(i);
                    boolean hit = InkBlob.share(box.input()) >= t && p[i] >= q && p[i] < StruckDetector.THRESHOLD;
                    if (hit && box.struckField() && detector.get(box.form()) < StruckDetector.THRESHOLD) {
                        caught.add(box.form());
                    } else if (hit && !box.struckField()) {
                        alarms++;
                    }
                }
                System.out.printf("  share %.2f and P %.1f: plain boxes newly flagged %d; missed struck fields caught %d %s%n",
                        t, q, alarms, caught.size(), caught);
            }
        }
        coreTable(boxes, p, detector);
        long ruleAlarms = 0;
        java.util.Set<Integer> ruleCaught = new java.util.TreeSet<>();
        for (int i = 0; i < boxes.size(); i++) {
            Box box = boxes.get(i);
            if (p[i] < StruckDetector.THRESHOLD && InkBlob.denseShare(box.input(), p[i])) {
                if (box.struckField()) {
                    ruleCaught.add(box.form());
                } else {
                    ruleAlarms++;
                }
            }
        }
        System.out.printf("  the eleventh round's rule (share %.2f, P %.2f): plain boxes newly taken as struck %d; "
                + "struck fields caught that the detector misses %d %s%n", InkBlob.SHARE, InkBlob.DOUBT, ruleAlarms,
                ruleCaught.size(), ruleCaught);
        StringBuilder missed = new StringBuilder();
        share.forEach((form, s) -> {
            if (detector.get(form) < StruckDetector.THRESHOLD) {
                missed.append(String.format(" form %d %s (P %.3f, share %.3f);", form, keyOf.get(form),
                        detector.get(form), s));
            }
        });
        System.out.println("  detector misses:" + missed);
    }

    private static void report(String name, List<Box> boxes, double[] p) {
        java.util.TreeMap<Integer, Double> highest = new java.util.TreeMap<>();
        java.util.TreeMap<Integer, String> keyOf = new java.util.TreeMap<>();
        List<Double> plain = new ArrayList<>();
        List<Double> plainCrossed = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            Box box = boxes.get(i);
            if (box.struckField()) {
                highest.merge(box.form(), p[i], Math::max);
                keyOf.put(box.form(), box.key());
            } else {
                plain.add(p[i]);
                if (box.crossedForm()) {
                    plainCrossed.add(p[i]);
                }
            }
        }
        System.out.printf("%s:%n", name);
        for (double t : THRESHOLDS) {
            long caught = highest.values().stream().filter(v -> v >= t).count();
            long alarms = plain.stream().filter(v -> v >= t).count();
            System.out.printf("  threshold %.3f: struck fields caught %d of %d (%.1f %%); plain boxes taken as struck "
                    + "%d of %d%n", t, caught, highest.size(), 100.0 * caught / Math.max(1, highest.size()), alarms,
                    plain.size());
        }
        double[] sorted = plain.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length > 0) {
            System.out.printf("  plain boxes: highest P %.5f, 99.9th %.5f, 99th %.5f%n", sorted[sorted.length - 1],
                    sorted[(int) (sorted.length * 0.999)], sorted[(int) (sorted.length * 0.99)]);
        }
        StringBuilder missed = new StringBuilder();
        highest.forEach((form, v) -> {
            if (v < StruckDetector.THRESHOLD) {
                missed.append(String.format(" form %d %s (%.4f);", form, keyOf.get(form), v));
            }
        });
        System.out.println("  missed at " + StruckDetector.THRESHOLD + ":" + missed);
    }

    /** The solid core ({@link InkBlob#core}) instead of the dark share: plain quantiles, per-threshold counts. */
    private static void coreTable(List<Box> boxes, double[] p, java.util.Map<Integer, Double> detector) {
        List<Double> plain = new ArrayList<>();
        java.util.TreeMap<Integer, Double> core = new java.util.TreeMap<>();
        for (int i = 0; i < boxes.size(); i++) {
            Box box = boxes.get(i);
            double c = InkBlob.core(box.input());
            if (box.struckField()) {
                core.merge(box.form(), c, Math::max);
            } else {
                plain.add(c);
            }
        }
        double[] sorted = plain.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length > 0) {
            System.out.printf("core: plain boxes highest %.3f, 99.9th %.3f, 99th %.3f, median %.3f%n",
                    sorted[sorted.length - 1], sorted[(int) (sorted.length * 0.999)],
                    sorted[(int) (sorted.length * 0.99)], sorted[sorted.length / 2]);
        }
        StringBuilder missed = new StringBuilder();
        core.forEach((form, c) -> {
            if (detector.get(form) < StruckDetector.THRESHOLD) {
                missed.append(String.format(" %d (%.2f)", form, c));
            }
        });
        System.out.println("  core of the missed struck fields:" + missed);
        for (double t : new double[] {0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6}) {
            for (double q : new double[] {0.0, 0.3, 0.5, 0.7}) {
                long alarms = 0;
                java.util.Set<Integer> caught = new java.util.TreeSet<>();
                for (int i = 0; i < boxes.size(); i++) {
                    Box box = boxes.get(i);
                    boolean hit = InkBlob.core(box.input()) >= t && p[i] >= q && p[i] < StruckDetector.THRESHOLD;
                    if (hit && box.struckField() && detector.get(box.form()) < StruckDetector.THRESHOLD) {
                        caught.add(box.form());
                    } else if (hit && !box.struckField()) {
                        alarms++;
                    }
                }
                System.out.printf("  core %.2f and P %.1f: plain boxes newly flagged %d; missed struck fields caught %d %s%n",
                        t, q, alarms, caught.size(), caught);
            }
        }
    }

    /** The box as cut, row-major (square). */
    static float[] flat(float[][] ink) {
        float[] out = new float[ink.length * ink[0].length];
        for (int y = 0; y < ink.length; y++) {
            System.arraycopy(ink[y], 0, out, y * ink[0].length, ink[0].length);
        }
        return out;
    }

    private static float[][] square(float[] input) {
        int side = DigitNormalizer.SIDE;
        float[][] map = new float[side][side];
        for (int y = 0; y < side; y++) {
            System.arraycopy(input, y * side, map[y], 0, side);
        }
        return map;
    }

    /** Ink 0..1 as black on white, each pixel drawn 8x8. */
    private static void save(float[][] ink, Path file) throws Exception {
        int zoom = 8;
        BufferedImage image = new BufferedImage(ink[0].length * zoom, ink.length * zoom, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < ink.length * zoom; y++) {
            for (int x = 0; x < ink[0].length * zoom; x++) {
                int v = 255 - Math.round(255 * Math.max(0, Math.min(1, ink[y / zoom][x / zoom])));
                image.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private static void write(Path file, List<Box> boxes, List<String> labels) throws Exception {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(-2);
            out.writeInt(labels.size());
            for (String label : labels) {
                out.writeUTF(label);
            }
            for (Box box : boxes) {
                out.writeInt(box.form());
                out.writeBoolean(box.crossedForm());
                out.writeBoolean(box.struckField());
                out.writeUTF(box.key());
                out.writeInt(box.index());
                for (float v : box.input()) {
                    out.writeFloat(v);
                }
                out.writeInt(box.ink().length);
                for (float v : box.ink()) {
                    out.writeFloat(v);
                }
            }
        }
    }

    /** Boxes written by {@link #write}, appended to {@code boxes}. */
    static void read(Path file, List<Box> boxes, List<String> labels) throws Exception {
        int side = DigitNormalizer.SIDE * DigitNormalizer.SIDE;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int n = in.readInt();
            boolean withInk = n == -2;
            if (withInk) {
                n = in.readInt();
            }
            for (int i = 0; i < n; i++) {
                labels.add(in.readUTF());
            }
            while (true) {
                int form;
                try {
                    form = in.readInt();
                } catch (EOFException end) {
                    break;
                }
                boolean crossedForm = in.readBoolean();
                boolean struckField = in.readBoolean();
                String key = in.readUTF();
                int index = in.readInt();
                float[] input = new float[side];
                for (int v = 0; v < side; v++) {
                    input[v] = in.readFloat();
                }
                float[] ink = null;
                if (withInk) {
                    ink = new float[in.readInt()];
                    for (int v = 0; v < ink.length; v++) {
                        ink[v] = in.readFloat();
                    }
                }
                boxes.add(new Box(form, crossedForm, struckField, key, index, input, ink));
            }
        }
    }
}
