package id.pemilu.ocr.digit;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import id.pemilu.ocr.synth.PhotoSimulator;
import id.pemilu.ocr.synth.Writing;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Trains {@link StruckDetector} (issue 19): "one digit" = the boxes cut from the own synthesised photos (the cached
 * BROAD/HARSH training boxes of {@link DigitTrainer}, digits 0..47,999) and augmented MNIST training digits; "struck" =
 * MNIST training digits struck out and corrected by {@link StruckBoxes}. Validation: the cached validation boxes of
 * both kinds of own photos (none struck; digits 48,000..49,999) and struck boxes made from those digits. Prints how
 * many of each lie above a range of thresholds ({@link StruckDetector#THRESHOLD} is chosen from it).
 * Run from the repository root after {@code train --boxes-only --writing BROAD --distortion HARSH ...}:
 * {@code java -jar ocr-c1-reader.jar train-struck --forms 160 --validation-forms 60 [--epochs 3]}.
 */
public final class StruckTrainer {

    private static final int BATCH = 64;

    private StruckTrainer() {
    }

    public static void main(String[] args) throws IOException {
        int epochs = 3;
        int forms = 160;
        int validationForms = 60;
        int mnistPerEpoch = 16_000;
        int struckPerEpoch = 24_000;
        long seed = 4_242;
        Path cache = Path.of("ocr-c1-reader/target/training-cache");
        Path out = Path.of("ocr-c1-reader/src/main/resources/model/struck.params");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--epochs" -> epochs = Integer.parseInt(args[i + 1]);
                case "--forms" -> forms = Integer.parseInt(args[i + 1]);
                case "--validation-forms" -> validationForms = Integer.parseInt(args[i + 1]);
                case "--mnist" -> mnistPerEpoch = Integer.parseInt(args[i + 1]);
                case "--struck" -> struckPerEpoch = Integer.parseInt(args[i + 1]);
                case "--cache" -> cache = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        MnistFile mnist = MnistFile.load(MnistFile.defaultDirectory());
        PhotoBoxes photos = PhotoBoxes.cached(cache.resolve("train-BROAD-HARSH-" + forms + ".bin"), mnist, 0,
                DigitTrainer.TRAIN_END, forms, DigitTrainer.SEED + 500_000_000L, 1, Writing.BROAD,
                PhotoSimulator.Distortion.HARSH);
        PhotoBoxes validation = PhotoBoxes.cached(cache.resolve("validation-" + validationForms + ".bin"), mnist,
                DigitTrainer.TRAIN_END, DigitTrainer.VALIDATION_END, validationForms,
                DigitTrainer.SEED + 1_000_000_000L, 1).plus(PhotoBoxes.cached(cache.resolve("validation-BROAD-HARSH-"
                        + validationForms / 2 + ".bin"), mnist, DigitTrainer.TRAIN_END, DigitTrainer.VALIDATION_END,
                validationForms / 2, DigitTrainer.SEED + 1_500_000_000L, 1, Writing.BROAD,
                PhotoSimulator.Distortion.HARSH));
        System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", "1"));
        DigitClassifier.configureEngine();
        Engine.getEngine("PyTorch").setRandomSeed((int) seed);
        Random random = new Random(seed);
        Random validationRandom = new Random(seed + 1);
        float[][] struckValidation = new float[2000][];
        for (int i = 0; i < struckValidation.length; i++) {
            struckValidation[i] = struckInput(mnist, DigitTrainer.TRAIN_END, DigitTrainer.VALIDATION_END,
                    validationRandom);
        }
        float[][] plainValidation = new float[validation.size()][];
        for (int i = 0; i < plainValidation.length; i++) {
            plainValidation[i] = validation.input(i);
        }
        int perEpoch = photos.size() + mnistPerEpoch + struckPerEpoch;
        SequentialBlock block = DigitNetwork.create(2);
        try (Model model = Model.newInstance("struck", "PyTorch")) {
            model.setBlock(block);
            Tracker rate = Tracker.cosine().setBaseValue(0.002f).optFinalValue(0.00005f)
                    .setMaxUpdates(epochs * perEpoch / BATCH).build();
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(rate).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(DigitNetwork.INPUT);
                for (int epoch = 1; epoch <= epochs; epoch++) {
                    long started = System.nanoTime();
                    double loss = trainEpoch(trainer, mnist, photos, random, mnistPerEpoch, struckPerEpoch);
                    System.out.printf("epoch %d  loss %.5f  (%.0f s)%n", epoch, loss,
                            (System.nanoTime() - started) / 1e9);
                    report(scores(model.getNDManager(), trainer, plainValidation),
                            scores(model.getNDManager(), trainer, struckValidation));
                }
            }
            Files.createDirectories(out.toAbsolutePath().getParent());
            try (DataOutputStream data = new DataOutputStream(Files.newOutputStream(out))) {
                block.saveParameters(data);
            }
            System.out.println("wrote " + out + " (" + Files.size(out) + " bytes)");
        }
    }

    /** A struck box from MNIST digits {@code from..to-1}, normalised as the reader normalises a box. */
    static float[] struckInput(MnistFile mnist, int from, int to, Random random) {
        int wrong = from + random.nextInt(to - from);
        int right = from + random.nextInt(to - from);
        float[][] ink = StruckBoxes.struck(mnist.ink(wrong), random.nextDouble() < 0.1 ? null : mnist.ink(right),
                random);
        return DigitNormalizer.normalize(ink);
    }

    private static double trainEpoch(Trainer trainer, MnistFile mnist, PhotoBoxes photos, Random random,
                                     int mnistDigits, int struck) {
        int total = photos.size() + mnistDigits + struck;
        int[] order = DigitTrainer.shuffled(total, random);
        int side = DigitNormalizer.SIDE * DigitNormalizer.SIDE;
        double lossSum = 0;
        int batches = 0;
        for (int start = 0; start + BATCH <= total; start += BATCH) {
            float[] x = new float[BATCH * side];
            float[] y = new float[BATCH];
            for (int b = 0; b < BATCH; b++) {
                int index = order[start + b];
                float[] input;
                if (index < photos.size()) {
                    input = photos.input(index);
                } else if (index < photos.size() + mnistDigits) {
                    int digit = random.nextInt(DigitTrainer.TRAIN_END);
                    double kind = random.nextDouble();
                    // since the tenth round also digits in the hand StruckBoxes strikes them in (thick pens, large)
                    input = DigitNormalizer.normalize(kind < 0.4 ? StruckBoxes.plain(mnist.ink(digit), random)
                            : kind < 0.9 ? DigitAugmenter.distort(mnist.ink(digit), random) : mnist.ink(digit));
                } else {
                    input = struckInput(mnist, 0, DigitTrainer.TRAIN_END, random);
                    y[b] = 1;
                }
                if (input != null) {
                    System.arraycopy(input, 0, x, b * side, side);
                }
            }
            lossSum += DigitTrainer.trainStep(trainer, x, y);
            batches++;
        }
        return lossSum / batches;
    }

    /** P(struck) of every input, in evaluation mode. */
    private static double[] scores(NDManager parent, Trainer trainer, float[][] inputs) {
        float[][] logits = DigitTrainer.logits(parent, trainer, inputs, 2);
        double[] out = new double[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            out[i] = 1 / (1 + Math.exp(logits[i][0] - logits[i][1]));
        }
        return out;
    }

    private static void report(double[] plain, double[] struck) {
        double[] sorted = plain.clone();
        Arrays.sort(sorted);
        System.out.printf("  validation boxes (not struck): %d, highest P(struck) %.6f, 99.99th %.6f, 99.9th %.6f%n",
                sorted.length, sorted[sorted.length - 1], sorted[(int) (sorted.length * 0.9999)],
                sorted[(int) (sorted.length * 0.999)]);
        for (double threshold : new double[] {0.5, 0.9, 0.99, 0.999, 0.9999}) {
            long falseAlarms = Arrays.stream(plain).filter(p -> p >= threshold).count();
            long caught = Arrays.stream(struck).filter(p -> p >= threshold).count();
            System.out.printf("  threshold %.4f: %d of %d plain boxes taken as struck, %d of %d struck boxes caught "
                    + "(%.2f %%)%n", threshold, falseAlarms, plain.length, caught, struck.length,
                    100.0 * caught / struck.length);
        }
    }
}
