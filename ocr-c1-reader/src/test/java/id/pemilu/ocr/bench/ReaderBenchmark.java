package id.pemilu.ocr.bench;

import id.pemilu.ocr.digit.DigitClassifier;
import id.pemilu.ocr.form.FormTemplate;
import id.pemilu.ocr.form.FormTemplates;
import id.pemilu.ocr.reading.TesseractBaseline;
import id.pemilu.ocr.reading.FieldEvidence;
import id.pemilu.ocr.reading.FieldReading;
import id.pemilu.ocr.reading.FormReader;
import id.pemilu.ocr.reading.FormReading;
import id.pemilu.ocr.reading.PrintedTextReader;
import id.pemilu.ocr.synth.FormSynthesizer;
import id.pemilu.ocr.synth.HandwrittenDigits;
import id.pemilu.ocr.synth.PhotoSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark over synthesised phone photos of filled forms, written with MNIST training digits held out from
 * training (images 50,000..59,999). Compares the full reader, the classifier without the arithmetic step and
 * Tesseract alone. Run from the repository root:
 * <pre>
 * ./mvnw -q -pl ocr-c1-reader test-compile exec:java -Dexec.mainClass=id.pemilu.ocr.bench.ReaderBenchmark \
 *     -Dexec.classpathScope=test -Dexec.args="--forms 500 --tesseract-forms 100 --seed 1000000"
 * </pre>
 * (the README's figures: two such halves, seeds 1000000 and 2000000). Tesseract needs ~10 ms per box, so it is
 * measured on the first {@code --tesseract-forms} forms only.
 */
public final class ReaderBenchmark {

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private ReaderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int forms = 1000;
        int tesseractForms = 1000;
        long seed = 1_000_000;
        int synthThreads = 2;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--forms" -> forms = Integer.parseInt(args[i + 1]);
                case "--tesseract-forms" -> tesseractForms = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--synth-threads" -> synthThreads = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        FormTemplates templates = FormTemplates.load();
        FormSynthesizer synthesizer = new FormSynthesizer(HandwrittenDigits.heldOut());
        PrintedTextReader tesseract = PrintedTextReader.create();
        Tally full = new Tally("reader (classifier + arithmetic)");
        Tally plain = new Tally("classifier alone (no arithmetic)");
        Tally tess = new Tally("Tesseract alone");
        long readNanos = 0;
        long cpuNanos = 0;
        int tesseractDone = 0;
        ExecutorService pool = Executors.newFixedThreadPool(synthThreads);
        List<Future<Sample>> pending = new ArrayList<>();
        try (DigitClassifier classifier = DigitClassifier.load();
             FormReader reader = new FormReader(templates, classifier, PrintedTextReader.create(), 1)) {
            for (int i = 0; i < forms; i++) {
                FormTemplate template = templates.all().get(i % templates.all().size());
                long formSeed = seed + i;
                String tps = String.format("31.71.01.1001.%03d", 1 + i % 50);
                pending.add(pool.submit(() -> new Sample(template,
                        synthesizer.synthesize(template, tps, formSeed, PhotoSimulator.Distortion.ALL))));
            }
            for (int i = 0; i < forms; i++) {
                Sample sample = pending.get(i).get();
                pending.set(i, null);
                long started = System.nanoTime();
                long cpuStarted = THREADS.getCurrentThreadCpuTime();
                FormReading reading = reader.readNow(sample.photo().jpeg());
                readNanos += System.nanoTime() - started;
                cpuNanos += THREADS.getCurrentThreadCpuTime() - cpuStarted;
                Map<String, Integer> truth = sample.photo().truth();
                if (!FormReading.READ.equals(reading.outcome())) {
                    System.err.printf("unreadable: form %d (%s, seed %d): %s%n", i, sample.template().ballotType(),
                            seed + i, reading.reason());
                }
                full.add(sample.template(), truth, reading, true);
                for (FieldReading field : reading.fields()) {
                    if (!field.needsReview() && !truth.get(field.key()).equals(field.value())) {
                        System.err.printf("silent error: form %d (%s, seed %d) %s written %d read %s confidence %.4f"
                                        + " classifier %s (%.4f)%n", i, sample.template().ballotType(), seed + i,
                                field.key(), truth.get(field.key()), field.value(), field.confidence(),
                                field.classifierValue(), field.classifierConfidence());
                    }
                }
                plain.add(sample.template(), truth, reading, false);
                if (tesseractDone < tesseractForms && tesseract.available()) {
                    tess.addTesseract(sample.template(), truth, TesseractBaseline.values(reader, tesseract,
                            sample.photo().jpeg(), sample.template()));
                    tesseractDone++;
                }
                if ((i + 1) % 50 == 0 || i + 1 == forms) {
                    report(i + 1, full, plain, tess, readNanos, cpuNanos, tesseractDone);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void report(int forms, Tally full, Tally plain, Tally tess, long readNanos, long cpuNanos,
                               int tesseractDone) {
        System.out.printf("%n%d synthesised photos (all distortions mixed, 7 ballot types), held-out MNIST digits%n",
                forms);
        System.out.printf("%-36s %9s %9s %9s %9s %9s %9s%n", "", "digit", "field", "form", "silent", "no-fix",
                "unread.");
        for (Tally tally : List.of(full, plain, tess)) {
            System.out.println(tally.line());
        }
        System.out.printf("reader time per form on one thread (decode + locate + classify + arithmetic + Tesseract "
                + "cross-check): %.0f ms CPU, %.0f ms wall clock%n", cpuNanos / 1e6 / forms, readNanos / 1e6 / forms);
        System.out.printf("Tesseract baseline over the first %d forms%n", tesseractDone);
        System.out.flush();
    }

    private record Sample(FormTemplate template, FormSynthesizer.Synthesized photo) {
    }

    /** Counts for one way of reading. */
    static final class Tally {
        final String name;
        long digits, digitsRight, fields, fieldsRight, forms, formsRight, silent, noFix, unreadable;

        Tally(String name) {
            this.name = name;
        }

        void add(FormTemplate template, Map<String, Integer> truth, FormReading reading, boolean arithmetic) {
            forms++;
            if (!FormReading.READ.equals(reading.outcome())) {
                unreadable++;
                for (FormTemplate.Field field : template.fields()) {
                    fields++;
                    digits += String.valueOf(truth.get(field.key())).length();
                }
                return;
            }
            boolean allRight = true;
            boolean anyFlag = false;
            for (FieldReading field : reading.fields()) {
                Integer expected = truth.get(field.key());
                Integer value = arithmetic ? field.value() : field.classifierValue();
                boolean flagged = arithmetic ? field.needsReview() : field.classifierConfidence() < FormReader.REVIEW_BELOW;
                count(expected, value, flagged);
                allRight &= expected.equals(value);
                anyFlag |= flagged;
            }
            if (allRight) {
                formsRight++;
            }
            if (allRight && !anyFlag) {
                noFix++;
            }
        }

        void addTesseract(FormTemplate template, Map<String, Integer> truth, Map<String, int[]> boxes) {
            forms++;
            if (boxes == null) {
                unreadable++;
                return;
            }
            boolean allRight = true;
            for (FormTemplate.Field field : template.fields()) {
                Integer expected = truth.get(field.key());
                int[] read = boxes.get(field.key());
                Integer value = TesseractBaseline.value(read);
                String want = String.valueOf(expected);
                for (int d = 0; d < want.length(); d++) {
                    digits++;
                    if (read[read.length - want.length() + d] == want.charAt(d) - '0') {
                        digitsRight++;
                    }
                }
                fields++;
                if (expected.equals(value)) {
                    fieldsRight++;
                } else {
                    silent++;
                }
                allRight &= expected.equals(value);
            }
            if (allRight) {
                formsRight++;
                noFix++;
            }
        }

        private void count(Integer expected, Integer value, boolean flagged) {
            fields++;
            String want = String.valueOf(expected);
            String got = value == null ? "" : String.valueOf(value);
            for (int d = 0; d < want.length(); d++) {
                digits++;
                int at = got.length() - want.length() + d;
                if (at >= 0 && got.charAt(at) == want.charAt(d)) {
                    digitsRight++;
                }
            }
            if (expected.equals(value)) {
                fieldsRight++;
            } else if (!flagged) {
                silent++;
            }
        }

        String line() {
            return String.format("%-36s %8.2f%% %8.2f%% %8.2f%% %9d %8.2f%% %9d", name, pct(digitsRight, digits),
                    pct(fieldsRight, fields), pct(formsRight, forms), silent, pct(noFix, forms), unreadable);
        }

        private static double pct(long part, long whole) {
            return whole == 0 ? 0 : 100.0 * part / whole;
        }
    }
}
