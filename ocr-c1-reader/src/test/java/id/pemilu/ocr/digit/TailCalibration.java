package id.pemilu.ocr.digit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the calibration of the <em>runner-up</em> probabilities on the validation boxes of photos: for every box and
 * every digit other than the top one, the stated probability against how often that digit was the truth, in bins.
 * The form's arithmetic multiplies such small probabilities (two fields trading a few votes), so their calibration
 * decides the flags. Run from the root after {@code train --boxes-only --cache DIR}:
 * <pre>
 * ./mvnw -q -pl ocr-c1-reader test-compile exec:java -Dexec.mainClass=id.pemilu.ocr.digit.TailCalibration \
 *     -Dexec.classpathScope=test -Dexec.args="DIR [VALIDATION_FORMS]"
 * </pre>
 */
final class TailCalibration {

    private TailCalibration() {
    }

    public static void main(String[] args) throws Exception {
        Path cache = Path.of(args.length > 0 ? args[0] : "ocr-c1-reader/target/training-cache");
        int forms = args.length > 1 ? Integer.parseInt(args[1]) : DigitTrainer.VALIDATION_FORMS;
        MnistFile mnist = MnistFile.load(MnistFile.defaultDirectory());
        PhotoBoxes boxes = PhotoBoxes.cached(cache.resolve("validation-" + forms + ".bin"),
                mnist, DigitTrainer.TRAIN_END, DigitTrainer.VALIDATION_END, forms,
                DigitTrainer.SEED + 1_000_000_000L, 2);
        Path broad = cache.resolve("validation-BROAD-HARSH-" + forms / 2 + ".bin");
        if (java.nio.file.Files.isRegularFile(broad)) {
            // the broad writing's validation boxes too, as the fine-tuned networks were calibrated on both
            boxes = boxes.plus(PhotoBoxes.cached(broad, mnist, DigitTrainer.TRAIN_END, DigitTrainer.VALIDATION_END,
                    forms / 2, DigitTrainer.SEED + 1_500_000_000L, 1, id.pemilu.ocr.synth.Writing.BROAD,
                    id.pemilu.ocr.synth.PhotoSimulator.Distortion.HARSH));
        }
        List<float[]> inputs = new ArrayList<>();
        int[] labels = new int[boxes.size()];
        for (int i = 0; i < boxes.size(); i++) {
            inputs.add(boxes.input(i));
            labels[i] = boxes.label(i);
        }
        try (DigitClassifier classifier = DigitClassifier.load()) {
            float[][] logits = classifier.logits(inputs);
            System.out.printf("%d validation boxes, ensemble of %d, temperature %.4f%n", labels.length,
                    classifier.members(), classifier.temperature());
            for (double t : new double[] {1.2, classifier.temperature(), 1.6, 1.8, 2.0}) {
                System.out.printf("T = %.3f  NLL %.5f%n", t, Calibration.nll(logits, labels, t));
                System.out.print(tail(logits, labels, t));
            }
            List<float[]> raw = new ArrayList<>();
            int[] rawLabels = new int[DigitTrainer.VALIDATION_END - DigitTrainer.TRAIN_END];
            for (int i = DigitTrainer.TRAIN_END; i < DigitTrainer.VALIDATION_END; i++) {
                raw.add(DigitNormalizer.normalize(mnist.ink(i)));
                rawLabels[i - DigitTrainer.TRAIN_END] = mnist.label(i);
            }
            float[][] rawLogits = classifier.logits(raw);
            System.out.println("the same validation digits straight from MNIST (no form, no photo):");
            System.out.print(Calibration.reliability(rawLogits, rawLabels, classifier.temperature()));
            System.out.println("boxes of photos:");
            System.out.print(Calibration.reliability(logits, labels, classifier.temperature()));
        }
    }

    /** Runner-up probabilities in decades: pairs, their stated mass, how many were the truth. */
    static String tail(float[][] logits, int[] labels, double temperature) {
        double[] edges = {1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 0.5};
        int bins = edges.length - 1;
        long[] pairs = new long[bins];
        double[] stated = new double[bins];
        long[] truth = new long[bins];
        for (int i = 0; i < labels.length; i++) {
            double[] p = Calibration.softmax(logits[i], temperature);
            int best = Calibration.argMax(logits[i]);
            for (int k = 0; k < 10; k++) {
                if (k == best || p[k] < edges[0] || p[k] >= edges[bins]) {
                    continue;
                }
                int bin = 0;
                while (bin < bins - 1 && p[k] >= edges[bin + 1]) {
                    bin++;
                }
                pairs[bin]++;
                stated[bin] += p[k];
                truth[bin] += k == labels[i] ? 1 : 0;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int bin = 0; bin < bins; bin++) {
            out.append(String.format(java.util.Locale.ROOT, "  runner-up [%.0e, %.0e) %8d pairs  stated %8.2f  true %5d%n",
                    edges[bin], edges[bin + 1], pairs[bin], stated[bin], truth[bin]));
        }
        return out.toString();
    }
}
