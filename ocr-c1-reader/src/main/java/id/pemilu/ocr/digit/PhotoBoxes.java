package id.pemilu.ocr.digit;

import id.pemilu.ocr.form.FormTemplate;
import id.pemilu.ocr.form.FormTemplates;
import id.pemilu.ocr.reading.BoxSampler;
import id.pemilu.ocr.reading.GrayImage;
import id.pemilu.ocr.reading.LocatedPage;
import id.pemilu.ocr.reading.PageLocator;
import id.pemilu.ocr.reading.PhotoDecoder;
import id.pemilu.ocr.reading.UnreadablePhoto;
import id.pemilu.ocr.synth.FormSynthesizer;
import id.pemilu.ocr.synth.HandwrittenDigits;
import id.pemilu.ocr.synth.PhotoSimulator;
import id.pemilu.ocr.synth.Writing;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Training inputs as the reader really sees them: forms written with MNIST digits of one range, photographed by
 * the {@link PhotoSimulator} (every distortion mixed), then located, cut and normalised by the reader's own path
 * (QR + markers, homography, {@link BoxSampler}, {@link DigitNormalizer}). Every box the sampler finds written and
 * that holds a known digit becomes one labelled 28x28 input. Deterministic: form {@code i} uses seed
 * {@code seed + i}, whatever the number of threads. Kept in a cache file (not in the repository).
 */
public final class PhotoBoxes {

    private static final int MAGIC = 0x0C1B0C5E;
    private static final int PIXELS = DigitNormalizer.SIDE * DigitNormalizer.SIDE;

    private final byte[] pixels;
    private final byte[] labels;

    private PhotoBoxes(byte[] pixels, byte[] labels) {
        this.pixels = pixels;
        this.labels = labels;
    }

    public int size() {
        return labels.length;
    }

    public int label(int index) {
        return labels[index];
    }

    /** The normalised 28x28 input of box {@code index}, values 0..1. */
    public float[] input(int index) {
        float[] out = new float[PIXELS];
        int offset = index * PIXELS;
        for (int i = 0; i < PIXELS; i++) {
            out[i] = (pixels[offset + i] & 0xff) / 255f;
        }
        return out;
    }

    /** Loads the cache file if it was made with the same parameters, otherwise synthesises it and writes it. */
    public static PhotoBoxes cached(Path file, MnistFile mnist, int from, int to, int forms, long seed, int threads)
            throws IOException {
        return cached(file, mnist, from, to, forms, seed, threads, Writing.TRAINING, PhotoSimulator.Distortion.ALL);
    }

    /** As above, the forms written with {@code writing} and photographed with {@code distortion}. */
    public static PhotoBoxes cached(Path file, MnistFile mnist, int from, int to, int forms, long seed, int threads,
                                    Writing writing, PhotoSimulator.Distortion distortion) throws IOException {
        if (Files.isRegularFile(file)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                if (in.readInt() == MAGIC && in.readInt() == from && in.readInt() == to && in.readInt() == forms
                        && in.readLong() == seed) {
                    int count = in.readInt();
                    byte[] labels = new byte[count];
                    byte[] pixels = new byte[count * PIXELS];
                    in.readFully(labels);
                    in.readFully(pixels);
                    System.out.printf("%s: %d boxes from %d forms (cached)%n", file, count, forms);
                    return new PhotoBoxes(pixels, labels);
                }
            }
        }
        PhotoBoxes boxes = synthesise(mnist, from, to, forms, seed, threads, writing, distortion);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
            out.writeInt(MAGIC);
            out.writeInt(from);
            out.writeInt(to);
            out.writeInt(forms);
            out.writeLong(seed);
            out.writeInt(boxes.size());
            out.write(boxes.labels);
            out.write(boxes.pixels);
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("%s: %d boxes from %d forms written%n", file, boxes.size(), forms);
        return boxes;
    }

    /**
     * Boxes of {@code pieces} photographed pieces of pages ({@link id.pemilu.ocr.synth.BoxPatches}) written with digits
     * {@code from..to-1}; piece {@code i} uses seed {@code seed + i}. Kept in {@code file} like the photo boxes.
     */
    public static PhotoBoxes patches(Path file, MnistFile mnist, int from, int to, int pieces, long seed, int threads)
            throws IOException {
        return patches(file, mnist, from, to, pieces, seed, threads, id.pemilu.ocr.synth.BoxPatches.Photo.ORDINARY);
    }

    /** As above, the pieces photographed as {@code photo} says. */
    public static PhotoBoxes patches(Path file, MnistFile mnist, int from, int to, int pieces, long seed, int threads,
                                     id.pemilu.ocr.synth.BoxPatches.Photo photo) throws IOException {
        if (Files.isRegularFile(file)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                if (in.readInt() == MAGIC && in.readInt() == from && in.readInt() == to && in.readInt() == -pieces
                        && in.readLong() == seed) {
                    int count = in.readInt();
                    byte[] labels = new byte[count];
                    byte[] pixels = new byte[count * PIXELS];
                    in.readFully(labels);
                    in.readFully(pixels);
                    System.out.printf("%s: %d boxes from %d pieces (cached)%n", file, count, pieces);
                    return new PhotoBoxes(pixels, labels);
                }
            }
        }
        id.pemilu.ocr.synth.BoxPatches maker = new id.pemilu.ocr.synth.BoxPatches(FormTemplates.load().all(),
                new HandwrittenDigits(mnist, from, to), photo);
        int workers = Math.max(1, threads);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long started = System.nanoTime();
        List<Future<List<float[]>>> parts = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int first = w;
            parts.add(pool.submit(() -> {
                List<float[]> rows = new ArrayList<>();
                for (int i = first; i < pieces; i += workers) {
                    rows.addAll(maker.piece(new java.util.Random(seed + i)));
                }
                return rows;
            }));
        }
        java.io.ByteArrayOutputStream pixelStream = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream labelStream = new java.io.ByteArrayOutputStream();
        try {
            for (Future<List<float[]>> part : parts) {
                for (float[] box : part.get()) {
                    for (int p = 0; p < PIXELS; p++) {
                        pixelStream.write(Math.round(Math.max(0, Math.min(1, box[p])) * 255));
                    }
                    labelStream.write((int) box[PIXELS]);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        PhotoBoxes boxes = new PhotoBoxes(pixelStream.toByteArray(), labelStream.toByteArray());
        System.out.printf("  %d pieces: %d boxes (%.0f s)%n", pieces, boxes.size(), (System.nanoTime() - started) / 1e9);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(MAGIC);
            out.writeInt(from);
            out.writeInt(to);
            out.writeInt(-pieces);
            out.writeLong(seed);
            out.writeInt(boxes.size());
            out.write(boxes.labels);
            out.write(boxes.pixels);
        }
        return boxes;
    }

    /** Synthesises {@code forms} photos with digits {@code from..to-1} and cuts their written boxes. */
    public static PhotoBoxes synthesise(MnistFile mnist, int from, int to, int forms, long seed, int threads,
                                        Writing writing, PhotoSimulator.Distortion distortion) {
        FormTemplates templates = FormTemplates.load();
        FormSynthesizer synthesizer = new FormSynthesizer(new HandwrittenDigits(mnist, from, to));
        PageLocator locator = new PageLocator(templates);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        List<Future<List<float[]>>> pending = new ArrayList<>();
        java.io.ByteArrayOutputStream pixelStream = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream labelStream = new java.io.ByteArrayOutputStream();
        int refused = 0;
        long started = System.nanoTime();
        try {
            int submitted = 0;
            for (int i = 0; i < forms; i++) {
                // a bounded window of forms in flight keeps memory small
                while (submitted < forms && submitted < i + 4 * Math.max(1, threads)) {
                    FormTemplate template = templates.all().get(submitted % templates.all().size());
                    String tps = String.format("31.71.02.2002.%03d", 1 + (submitted / 500) % 20);
                    long formSeed = seed + submitted;
                    pending.add(pool.submit(() -> cut(synthesizer, locator, template, tps, formSeed, writing,
                            distortion)));
                    submitted++;
                }
                List<float[]> boxes = pending.get(i).get();
                pending.set(i, null);
                if (boxes == null) {
                    refused++;
                    continue;
                }
                for (float[] box : boxes) {
                    for (int p = 0; p < PIXELS; p++) {
                        pixelStream.write(Math.round(Math.max(0, Math.min(1, box[p])) * 255));
                    }
                    labelStream.write((int) box[PIXELS]);
                }
                if ((i + 1) % 200 == 0) {
                    System.out.printf("  %d/%d forms, %d boxes, %d refused (%.0f s)%n", i + 1, forms, labelStream.size(),
                            refused, (System.nanoTime() - started) / 1e9);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("  %d forms: %d boxes, %d photos refused (%.0f s)%n", forms, labelStream.size(), refused,
                (System.nanoTime() - started) / 1e9);
        return new PhotoBoxes(pixelStream.toByteArray(), labelStream.toByteArray());
    }

    /** The written boxes of one synthesised photo (28x28 input + label at the end), or null if it was refused. */
    private static List<float[]> cut(FormSynthesizer synthesizer, PageLocator locator, FormTemplate template,
                                     String tps, long seed, Writing writing, PhotoSimulator.Distortion distortion) {
        FormSynthesizer.Synthesized photo = synthesizer.synthesize(template, tps, seed, distortion,
                random -> randomNumbers(template, random), writing, FormSynthesizer.Officer.CAREFUL);
        List<float[]> out = new ArrayList<>();
        try {
            GrayImage image = PhotoDecoder.decode(photo.jpeg());
            LocatedPage page = locator.locate(image);
            for (FormTemplate.Field field : template.fields()) {
                String digits = String.valueOf(photo.truth().get(field.key()));
                List<FormTemplate.Rect> boxes = field.boxes();
                for (int b = 0; b < boxes.size(); b++) {
                    int digitAt = b - (boxes.size() - digits.length());
                    BoxSampler.BoxInk ink = BoxSampler.sample(image, page.templateToImage(), boxes.get(b));
                    // leading boxes: empty or a leading 0 depending on the officer, not known here, so skipped
                    if (digitAt < 0 || !ink.inked()) {
                        continue;
                    }
                    int label = digits.charAt(digitAt) - '0';
                    float[] input = DigitNormalizer.normalize(ink.ink());
                    if (input == null) {
                        continue;
                    }
                    float[] row = new float[PIXELS + 1];
                    System.arraycopy(input, 0, row, 0, PIXELS);
                    row[PIXELS] = label;
                    out.add(row);
                }
            }
        } catch (UnreadablePhoto e) {
            return null;
        }
        return out;
    }

    /**
     * Any number 0..999 in every field (mostly three digits, each digit equally likely): more boxes per photo than
     * the plausible votes of the benchmark, and no digit favoured. The arithmetic does not matter here.
     */
    static Map<String, Integer> randomNumbers(FormTemplate template, java.util.Random random) {
        Map<String, Integer> values = new java.util.LinkedHashMap<>();
        for (FormTemplate.Field field : template.fields()) {
            values.put(field.key(), random.nextInt(1000));
        }
        return values;
    }

    /** Both sets of boxes in one. */
    public PhotoBoxes plus(PhotoBoxes other) {
        byte[] p = java.util.Arrays.copyOf(pixels, pixels.length + other.pixels.length);
        System.arraycopy(other.pixels, 0, p, pixels.length, other.pixels.length);
        byte[] l = java.util.Arrays.copyOf(labels, labels.length + other.labels.length);
        System.arraycopy(other.labels, 0, l, labels.length, other.labels.length);
        return new PhotoBoxes(p, l);
    }

    /** Counts per label, for the training log. */
    public Map<Integer, Integer> histogram() {
        Map<Integer, Integer> counts = new java.util.TreeMap<>();
        for (byte label : labels) {
            counts.merge((int) label, 1, Integer::sum);
        }
        return counts;
    }
}
