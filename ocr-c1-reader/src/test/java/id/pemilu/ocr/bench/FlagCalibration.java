package id.pemilu.ocr.bench;

import id.pemilu.ocr.digit.DigitClassifier;
import id.pemilu.ocr.digit.DigitTrainer;
import id.pemilu.ocr.digit.MnistFile;
import id.pemilu.ocr.form.FormTemplate;
import id.pemilu.ocr.form.FormTemplates;
import id.pemilu.ocr.reading.ArithmeticSolver;
import id.pemilu.ocr.reading.FieldReading;
import id.pemilu.ocr.reading.FormReader;
import id.pemilu.ocr.reading.PhotoDecoder;
import id.pemilu.ocr.reading.PrintedTextReader;
import id.pemilu.ocr.reading.UnreadablePhoto;
import id.pemilu.ocr.synth.FormSynthesizer;
import id.pemilu.ocr.synth.HandwrittenDigits;
import id.pemilu.ocr.synth.PhotoSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chooses the flag threshold on <em>validation</em> forms: synthesised photos written with MNIST training images
 * 48,000..49,999 (never trained on, and never the benchmark's 50,000..59,999). Reads every photo once, then for each
 * threshold epsilon (flag when the posterior is below 1 - epsilon) and each prior of the "does not add up" hypothesis
 * prints the silent errors, the expected silent errors (sum of 1 - posterior over unflagged fields), the share of
 * forms with no human fix and of fields flagged; and the reliability of the field posteriors. Run from the root:
 * <pre>
 * ./mvnw -q -pl ocr-c1-reader test-compile exec:java -Dexec.mainClass=id.pemilu.ocr.bench.FlagCalibration \
 *     -Dexec.classpathScope=test -Dexec.args="--forms 300 --seed 7000000"
 * </pre>
 */
public final class FlagCalibration {

    private FlagCalibration() {
    }

    private record Form(FormTemplate template, Map<String, Integer> truth, boolean leadingZeros,
                        FormReader.Analysis analysis) {
    }

    /** Prints every flagged field with its candidates, to see where the doubt comes from. */
    private static void explain(List<Form> read) {
        for (int f = 0; f < read.size(); f++) {
            Form form = read.get(f);
            ArithmeticSolver.Solution solution = ArithmeticSolver.solve(form.analysis().evidence(),
                    form.template().rules());
            List<FieldReading> readings = FormReader.decideFields(form.analysis().evidence(), solution,
                    FormReader.REVIEW_EPSILON);
            for (int k = 0; k < readings.size(); k++) {
                FieldReading field = readings.get(k);
                if (!field.needsReview()) {
                    continue;
                }
                StringBuilder candidates = new StringBuilder();
                var list = form.analysis().evidence().get(k).candidates();
                for (int c = 0; c < Math.min(4, list.size()); c++) {
                    candidates.append(String.format(" %s:%.2e", list.get(c).value(), list.get(c).probability()));
                }
                System.out.printf("  form %d %s %s written %s read %s posterior %.6f |%s%n", f,
                        form.template().ballotType(), field.key(), form.truth().get(field.key()), field.value(),
                        solution.confidences().get(k), candidates);
            }
        }
    }

    /**
     * How often a box is really written, by its ink mass (validation truth: the digits of each number, right-aligned,
     * and the leading boxes too where the officer wrote leading zeros): the data behind the empty/written chance.
     */
    private static void emptyBoxes(List<Form> read) {
        double[] edges = {0, 1e-9, 1, 2, 4, 6, 8, 10, 12, 14, 20, 30, 1e9};
        long[] written = new long[edges.length - 1];
        long[] empty = new long[edges.length - 1];
        for (Form form : read) {
            List<FormTemplate.Field> fields = form.template().fields();
            for (int f = 0; f < fields.size(); f++) {
                int length = String.valueOf(form.truth().get(fields.get(f).key())).length();
                var inks = form.analysis().boxes().get(f);
                for (int b = 0; b < inks.size(); b++) {
                    boolean isWritten = form.leadingZeros() || b >= inks.size() - length;
                    double mass = inks.get(b).mass();
                    int bin = 0;
                    while (bin < written.length - 1 && mass >= edges[bin + 1]) {
                        bin++;
                    }
                    if (isWritten) {
                        written[bin]++;
                    } else {
                        empty[bin]++;
                    }
                }
            }
        }
        System.out.println("boxes by ink mass: bin, written, empty");
        for (int b = 0; b < written.length; b++) {
            System.out.printf("  [%g, %g) %8d %8d%n", edges[b], edges[b + 1], written[b], empty[b]);
        }
    }

    private static double[] parseAll(String[] values) {
        double[] parsed = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            parsed[i] = Double.parseDouble(values[i]);
        }
        return parsed;
    }

    public static void main(String[] args) throws Exception {
        int forms = 300;
        long seed = 7_000_000;
        boolean explain = false;
        PhotoSimulator.Distortion distortion = PhotoSimulator.Distortion.ALL;
        double[] priors = {0, ArithmeticSolver.INCONSISTENT_PRIOR, 1e-6};
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--forms" -> forms = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--explain" -> explain = Boolean.parseBoolean(args[i + 1]);
                case "--distortion" -> distortion = PhotoSimulator.Distortion.valueOf(args[i + 1]);
                case "--priors" -> priors = parseAll(args[i + 1].split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        FormTemplates templates = FormTemplates.load();
        MnistFile mnist = MnistFile.load(MnistFile.defaultDirectory());
        FormSynthesizer synthesizer = new FormSynthesizer(
                new HandwrittenDigits(mnist, DigitTrainer.VALIDATION_START, MnistFile.FIRST_HELD_OUT));
        List<Form> read = new ArrayList<>();
        int refused = 0;
        long started = System.nanoTime();
        try (DigitClassifier classifier = DigitClassifier.load();
             FormReader reader = new FormReader(templates, classifier, PrintedTextReader.none(), 1)) {
            System.out.printf("temperature %.4f%n", classifier.temperature());
            for (int i = 0; i < forms; i++) {
                FormTemplate template = templates.all().get(i % templates.all().size());
                String tps = String.format("31.71.03.3003.%03d", 1 + i % 50);
                FormSynthesizer.Synthesized photo = synthesizer.synthesize(template, tps, seed + i, distortion);
                try {
                    read.add(new Form(template, photo.truth(), photo.leadingZeros(), reader.analyse(PhotoDecoder.decode(photo.jpeg()))));
                } catch (UnreadablePhoto e) {
                    refused++;
                    java.nio.file.Path file = java.nio.file.Path.of("ocr-c1-reader/target/refused",
                            "validation-" + (seed + i) + ".jpg");
                    java.nio.file.Files.createDirectories(file.getParent());
                    java.nio.file.Files.write(file, photo.jpeg());
                    System.out.printf("  refused: form %d seed %d: %s -> %s%n", i, seed + i, e.getMessage(), file);
                }
                if ((i + 1) % 50 == 0) {
                    System.out.printf("  %d forms read (%.0f s)%n", i + 1, (System.nanoTime() - started) / 1e9);
                }
            }
        }
        System.out.printf("%d validation forms (MNIST 48,000-49,999), %d refused%n", forms, refused);
        if (explain) {
            explain(read);
        }
        emptyBoxes(read);
        double[] epsilons = {1e-2, 1e-3, 1e-4, 1e-5, 1e-6};
        System.out.printf("%10s %8s %8s %10s %12s %10s %10s %10s%n", "prior", "epsilon", "silent", "expected",
                "unflag.fields", "flagged%", "no-fix%", "forms-ok%");
        for (double prior : priors) {
            List<ArithmeticSolver.Solution> solutions = new ArrayList<>();
            for (Form form : read) {
                solutions.add(ArithmeticSolver.solve(form.analysis().evidence(), form.template().rules(), prior));
            }
            for (double epsilon : epsilons) {
                long silent = 0, unflagged = 0, fields = 0, flagged = 0, noFix = 0, right = 0;
                double expected = 0;
                for (int f = 0; f < read.size(); f++) {
                    Form form = read.get(f);
                    ArithmeticSolver.Solution solution = solutions.get(f);
                    List<FieldReading> readings = FormReader.decideFields(form.analysis().evidence(), solution,
                            epsilon);
                    boolean allRight = true;
                    boolean anyFlag = false;
                    for (int k = 0; k < readings.size(); k++) {
                        FieldReading field = readings.get(k);
                        boolean correct = form.truth().get(field.key()).equals(field.value());
                        fields++;
                        allRight &= correct;
                        anyFlag |= field.needsReview();
                        if (field.needsReview()) {
                            flagged++;
                        } else {
                            unflagged++;
                            expected += 1 - solution.confidences().get(k);
                            if (!correct) {
                                silent++;
                                if (prior == ArithmeticSolver.INCONSISTENT_PRIOR
                                        && epsilon == FormReader.REVIEW_EPSILON) {
                                    System.out.printf("  silent: form %d %s written %d read %s posterior %.8f "
                                                    + "classifier %s%n", f, field.key(), form.truth().get(field.key()),
                                            field.value(), solution.confidences().get(k), field.classifierValue());
                                }
                            }
                        }
                    }
                    right += allRight ? 1 : 0;
                    noFix += allRight && !anyFlag ? 1 : 0;
                }
                System.out.printf("%10.0e %8.0e %8d %10.4f %12d %9.3f%% %9.2f%% %9.2f%%%n", prior, epsilon, silent,
                        expected, unflagged, 100.0 * flagged / fields, 100.0 * noFix / forms,
                        100.0 * right / forms);
            }
        }
        // reliability of the field posteriors (prior and epsilon as configured)
        double[] edges = {0, 0.9, 0.99, 0.999, 0.9999, 0.99999, 1.0000001};
        long[] count = new long[edges.length - 1];
        long[] wrong = new long[edges.length - 1];
        double[] stated = new double[edges.length - 1];
        for (Form form : read) {
            ArithmeticSolver.Solution solution = ArithmeticSolver.solve(form.analysis().evidence(),
                    form.template().rules());
            if (!solution.consistent()) {
                continue;
            }
            for (int k = 0; k < solution.values().size(); k++) {
                double p = solution.confidences().get(k);
                int bin = 0;
                while (bin < count.length - 1 && p >= edges[bin + 1]) {
                    bin++;
                }
                count[bin]++;
                stated[bin] += p;
                String key = form.analysis().evidence().get(k).key();
                wrong[bin] += form.truth().get(key).equals(solution.values().get(k)) ? 0 : 1;
            }
        }
        System.out.println("field posteriors (consistent forms): bin, fields, mean stated, observed right, wrong");
        for (int b = 0; b < count.length; b++) {
            if (count[b] > 0) {
                System.out.printf("  [%.5f, %.5f) %7d %11.6f%% %11.6f%% %5d%n", edges[b], Math.min(1, edges[b + 1]),
                        count[b], 100 * stated[b] / count[b], 100.0 * (count[b] - wrong[b]) / count[b], wrong[b]);
            }
        }
    }
}
