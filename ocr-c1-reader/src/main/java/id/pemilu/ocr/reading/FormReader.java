package id.pemilu.ocr.reading;

import id.pemilu.ocr.digit.DigitClassifier;
import id.pemilu.ocr.digit.DigitNormalizer;
import id.pemilu.ocr.form.FormTemplate;
import id.pemilu.ocr.form.FormTemplates;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a photographed C.Hasil page: decode (bounded), locate the page (QR + corner markers), cut every digit box,
 * tell empty from written boxes, classify all written boxes in one batch, then choose the most probable numbers
 * that satisfy the form's arithmetic. A field is either confident and consistent, or flagged for review.
 */
public final class FormReader implements AutoCloseable {

    /** The classifier alone (no arithmetic) flags a field below this probability (benchmark baseline). */
    public static final double REVIEW_BELOW = 0.97;
    /**
     * A field stays unflagged only when its posterior probability given the digits, the empty/written chance of
     * every box and the form's arithmetic is at least 1 - REVIEW_EPSILON (chosen on validation forms written with
     * MNIST 48,000-49,999, never on the benchmark's digits).
     */
    public static final double REVIEW_EPSILON = 1e-4;
    /**
     * A photo on which this many fields are in doubt is read too poorly to vouch for any of its fields: misreads
     * cluster on bad photos, where even the digits the classifier is sure of are wrong more often than its calibration
     * (measured over all boxes) says. Both silent errors found on validation forms while choosing the rules were on
     * such photos (7 fields in doubt each); every field of the form is then flagged. Forms with so many flags need a
     * person anyway, so this costs no form its "no fix needed".
     */
    public static final int POOR_PHOTO_FLAGS = 5;
    static final long TIME_LIMIT_SECONDS = 30;

    private final FormTemplates templates;
    private final DigitClassifier classifier;
    private final PrintedTextReader printed;
    private final PageLocator locator;
    private final ExecutorService worker;

    public FormReader(FormTemplates templates, DigitClassifier classifier, PrintedTextReader printed, int threads) {
        this.templates = templates;
        this.classifier = classifier;
        this.printed = printed;
        this.locator = new PageLocator(templates);
        this.worker = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "c1-reader");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Reads within the time limit; never throws for a bad photo (the reading says UNREADABLE and why). */
    public FormReading read(byte[] photo) {
        long started = System.nanoTime();
        Future<FormReading> task = worker.submit(() -> readNow(photo));
        try {
            return task.get(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            return FormReading.unreadable("waktu pembacaan habis: foto ulang dengan pencahayaan lebih baik",
                    millisSince(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FormReading.unreadable("pembacaan dibatalkan", millisSince(started));
        } catch (ExecutionException e) {
            return FormReading.unreadable("foto tidak dapat dibaca: foto ulang formulir", millisSince(started));
        }
    }

    /** Reads on the calling thread (benchmark: time per form on one core). */
    public FormReading readNow(byte[] photo) {
        long started = System.nanoTime();
        try {
            Analysis analysis = analyse(PhotoDecoder.decode(photo));
            return decide(analysis, millisSince(started)).withBoxes(FieldBoxes.of(analysis, photo));
        } catch (UnreadablePhoto e) {
            return FormReading.unreadable(e.getMessage(), millisSince(started));
        } catch (OutOfMemoryError e) {
            return FormReading.unreadable("foto terlalu besar untuk dibaca: kecilkan ukuran foto", millisSince(started));
        }
    }

    /** Everything seen on the page before any decision: boxes, digit probabilities, field evidence. */
    public record Analysis(FormTemplate template, LocatedPage page, GrayImage image, List<List<BoxSampler.BoxInk>> boxes,
                           List<FieldEvidence> evidence, String printedTpsCode) {
    }

    public Analysis analyse(GrayImage image) {
        LocatedPage page = locator.locate(image);
        FormTemplate template = templates.get(page.qr().ballotType());
        List<List<BoxSampler.BoxInk>> boxes = new ArrayList<>();
        List<float[]> inputs = new ArrayList<>();
        int written = 0;
        for (FormTemplate.Field field : template.fields()) {
            List<BoxSampler.BoxInk> inks = new ArrayList<>();
            for (FormTemplate.Rect box : field.boxes()) {
                BoxSampler.BoxInk ink = BoxSampler.sample(image, page.templateToImage(), box);
                inks.add(ink);
                if (ink.emptyProbability() < 1) {
                    inputs.add(DigitNormalizer.normalize(ink.ink()));
                }
                if (ink.inked()) {
                    written++;
                }
            }
            boxes.add(inks);
        }
        if (written == 0) {
            throw new UnreadablePhoto("formulir kosong: tidak ada angka yang tertulis di kotak");
        }
        inputs.replaceAll(input -> input == null ? new float[DigitNormalizer.SIDE * DigitNormalizer.SIDE] : input);
        float[][] probabilities = classifier.classify(inputs);
        List<FieldEvidence> evidence = new ArrayList<>();
        int next = 0;
        for (int f = 0; f < template.fields().size(); f++) {
            List<BoxSampler.BoxInk> inks = boxes.get(f);
            double[] empty = new double[inks.size()];
            float[][] digits = new float[inks.size()][];
            for (int b = 0; b < inks.size(); b++) {
                empty[b] = inks.get(b).emptyProbability();
                digits[b] = empty[b] < 1 ? probabilities[next++] : null;
            }
            evidence.add(FieldEvidence.of(template.fields().get(f).key(), empty, digits));
        }
        return new Analysis(template, page, image, boxes, evidence, readPrintedCode(image, page, template));
    }

    private FormReading decide(Analysis analysis, long millis) {
        ArithmeticSolver.Solution solution = ArithmeticSolver.solve(analysis.evidence(), analysis.template().rules());
        List<FieldReading> fields = decideFields(analysis.evidence(), solution);
        int review = (int) fields.stream().filter(FieldReading::needsReview).count();
        String tps = analysis.page().qr().tpsCode();
        Boolean matches = analysis.printedTpsCode() == null ? null : analysis.printedTpsCode().equals(tps);
        String reason = !solution.consistent()
                ? "angka tidak memenuhi aturan penjumlahan formulir: periksa semua angka"
                : solution.inconsistentProbability() > REVIEW_EPSILON
                ? "angka mungkin tidak memenuhi aturan penjumlahan formulir: periksa semua angka"
                : review == fields.size() && review >= POOR_PHOTO_FLAGS
                ? "foto kurang jelas, banyak angka diragukan: periksa semua angka atau foto ulang formulir"
                : review > 0 ? "periksa " + review + " angka yang ditandai" : null;
        return new FormReading(FormReading.READ, reason, analysis.template().ballotType(), tps,
                analysis.page().qr().page(), analysis.printedTpsCode(), matches, solution.consistent(), review,
                fields, millis);
    }

    /**
     * Flags every field a person must check: no value, no consistent reading at all or a chance above the threshold
     * that the numbers do not add up (then every field), or a
     * posterior probability of the chosen value below 1 - {@link #REVIEW_EPSILON}. The posterior comes from the
     * calibrated digit probabilities and empty/written chances of all boxes, conditioned on the form's arithmetic
     * (sum over the consistent readings found, normalised, next to the "does not add up" hypothesis): two misreads
     * that happen to add up keep the probability of the true reading in the sum, so they stay unflagged only if
     * the classifier was far more sure of both misreads than of the true digits. When {@link #POOR_PHOTO_FLAGS} or
     * more fields are flagged, every field is.
     */
    public static List<FieldReading> decideFields(List<FieldEvidence> evidence, ArithmeticSolver.Solution solution) {
        return decideFields(evidence, solution, REVIEW_EPSILON);
    }

    /** As above with another threshold (for choosing it on validation forms). */
    public static List<FieldReading> decideFields(List<FieldEvidence> evidence, ArithmeticSolver.Solution solution,
                                                  double epsilon) {
        List<FieldReading> fields = new ArrayList<>();
        // the form may well not add up (mis-added, or read far from what the classifier saw): then the arithmetic
        // vouches for no field, and a field the classifier alone was sure of could be wrong unnoticed
        boolean doesNotAddUp = solution.inconsistentProbability() > epsilon;
        for (int i = 0; i < evidence.size(); i++) {
            FieldEvidence field = evidence.get(i);
            Integer value = solution.values().get(i);
            double confidence = solution.confidences().get(i);
            boolean flag = value == null || !solution.consistent() || doesNotAddUp || confidence < 1 - epsilon;
            fields.add(new FieldReading(field.key(), value, round(confidence), flag, field.best().value(),
                    round(field.best().probability())));
        }
        if (fields.stream().filter(FieldReading::needsReview).count() >= POOR_PHOTO_FLAGS) {
            fields.replaceAll(f -> f.needsReview() ? f : new FieldReading(f.key(), f.value(), f.confidence(), true,
                    f.classifierValue(), f.classifierConfidence()));
        }
        return fields;
    }

    /** The TPS code printed under the QR code, read by Tesseract from the straightened page. */
    private String readPrintedCode(GrayImage image, LocatedPage page, FormTemplate template) {
        if (!printed.available()) {
            return null;
        }
        FormTemplate.Rect rect = template.tpsCodeText();
        int scale = 4;
        int w = (int) (rect.width() * scale);
        int h = (int) (rect.height() * scale);
        BufferedImage crop = new BufferedImage(w, h + 16, BufferedImage.TYPE_BYTE_GRAY);
        float[] values = new float[w * h];
        float paper = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double[] p = page.templateToImage().map(rect.x() + (x + 0.5) / scale, rect.y() + (y + 0.5) / scale);
                values[y * w + x] = image.sample(p[0], p[1]);
                paper = Math.max(paper, values[y * w + x]);
            }
        }
        for (int y = 0; y < h + 16; y++) {
            for (int x = 0; x < w; x++) {
                int v = y < 8 || y >= h + 8 ? 255
                        : (int) Math.max(0, Math.min(255, 255 * values[(y - 8) * w + x] / Math.max(1, paper * 0.95f)));
                crop.getRaster().setSample(x, y, 0, v);
            }
        }
        String text = printed.readLine(crop);
        return text == null || text.isEmpty() ? null : text;
    }

    private static double round(double confidence) {
        return Math.round(confidence * 1_000_000) / 1_000_000.0;
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
