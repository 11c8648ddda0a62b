package id.pemilu.ocr.digit;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Trains the digit network on MNIST training digits 0..47,999 (48,000..49,999 validate; 50,000.. are held out for
 * the benchmark) with a fixed seed and writes {@code src/main/resources/model/digits.params}. Every epoch mixes the
 * plain (mostly augmented) MNIST digits with {@link PhotoBoxes}: boxes cut by the reader's own path from synthesised
 * photos written with the same digits. Afterwards a temperature is fitted on validation boxes of photos written with
 * 48,000..49,999 ({@link Calibration}) and written next to the parameters ({@code digits.calibration}).
 * Run: {@code java -jar ocr-c1-reader.jar train [--epochs 7] [--forms 1200] [--synth-threads 2] [--out PATH]}.
 * {@code --augment WIDE} distorts the MNIST digits with {@link DigitAugmenter#distortWide} (eighteenth round of issue
 * 19: pale pens, faded parts, gaps, thin and thick pens, motion blur, specks) instead of {@link DigitAugmenter#distort}.
 */
public final class DigitTrainer {

    static final int SEED = 20240214;
    static final int TRAIN_END = 48_000;
    public static final int VALIDATION_START = TRAIN_END;
    static final int VALIDATION_END = MnistFile.FIRST_HELD_OUT;
    private static final int BATCH = 64;
    static final int DEFAULT_EPOCHS = 7;
    /** Synthesised photos whose boxes train the network (digits 0..47,999) and validate it (48,000..49,999). */
    static final int TRAIN_FORMS = 1200;
    static final int VALIDATION_FORMS = 250;

    private DigitTrainer() {
    }

    public static void main(String[] args) throws IOException {
        int epochs = DEFAULT_EPOCHS;
        int forms = TRAIN_FORMS;
        int validationForms = VALIDATION_FORMS;
        int threads = 1;
        boolean boxesOnly = false;
        boolean calibrateOnly = false;
        long seed = SEED;
        id.pemilu.ocr.synth.Writing writing = id.pemilu.ocr.synth.Writing.TRAINING;
        id.pemilu.ocr.synth.PhotoSimulator.Distortion distortion = id.pemilu.ocr.synth.PhotoSimulator.Distortion.ALL;
        Path init = null;
        float rate0 = 0.002f;
        int mnistPerEpoch = TRAIN_END;
        int alsoForms = 0;
        int patches = 0;
        int blurryPatches = 0;
        double photoShare = 1;
        int evalEvery = 1;
        boolean wide = false;
        Path out = Path.of("ocr-c1-reader/src/main/resources/model/digits.params");
        Path cache = Path.of("ocr-c1-reader/target/training-cache");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--epochs" -> epochs = Integer.parseInt(value);
                case "--out" -> out = Path.of(value);
                case "--forms" -> forms = Integer.parseInt(value);
                case "--validation-forms" -> validationForms = Integer.parseInt(value);
                case "--synth-threads" -> threads = Integer.parseInt(value);
                case "--cache" -> cache = Path.of(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--writing" -> writing = id.pemilu.ocr.synth.Writing.named(value);
                case "--distortion" -> distortion = id.pemilu.ocr.synth.PhotoSimulator.Distortion.valueOf(value);
                case "--init" -> init = Path.of(value);
                case "--rate" -> rate0 = Float.parseFloat(value);
                case "--mnist" -> mnistPerEpoch = Integer.parseInt(value);
                case "--also-forms" -> alsoForms = Integer.parseInt(value);
                case "--patches" -> patches = Integer.parseInt(value);
                case "--blurry-patches" -> blurryPatches = Integer.parseInt(value);
                case "--photo-share" -> photoShare = Double.parseDouble(value);
                case "--eval-every" -> evalEvery = Integer.parseInt(value);
                case "--augment" -> wide = switch (value) {
                    case "WIDE" -> true;
                    case "ORDINARY" -> false;
                    default -> throw new IllegalArgumentException("--augment ORDINARY or WIDE, not " + value);
                };
                case "--boxes-only" -> boxesOnly = true;
                case "--calibrate" -> calibrateOnly = true;
                default -> {
                    continue;
                }
            }
            if (!args[i].equals("--boxes-only") && !args[i].equals("--calibrate")) {
                i++;
            }
        }
        MnistFile mnist = MnistFile.load(MnistFile.defaultDirectory());
        PhotoBoxes photoValidation = PhotoBoxes.cached(cache.resolve("validation-" + validationForms + ".bin"), mnist,
                TRAIN_END, VALIDATION_END, validationForms, SEED + 1_000_000_000L, threads);
        String kind = writing.equals(id.pemilu.ocr.synth.Writing.TRAINING)
                && distortion == id.pemilu.ocr.synth.PhotoSimulator.Distortion.ALL ? ""
                : "-" + (writing.equals(id.pemilu.ocr.synth.Writing.BROAD) ? "BROAD" : "VARIED") + "-" + distortion;
        int firstKind = photoValidation.size();
        if (!kind.isEmpty()) {
            // validation (and the fitted temperature) covers both the earlier photos and the broader ones
            photoValidation = photoValidation.plus(PhotoBoxes.cached(cache.resolve("validation" + kind + "-"
                            + validationForms / 2 + ".bin"), mnist, TRAIN_END, VALIDATION_END, validationForms / 2,
                    SEED + 1_500_000_000L, threads, writing, distortion));
            System.out.println("validation boxes, both kinds: " + photoValidation.size());
        }
        if (calibrateOnly) {
            calibrateEnsemble(photoValidation, firstKind, out.resolveSibling("digits.calibration"));
            return;
        }
        PhotoBoxes photoTraining = PhotoBoxes.cached(cache.resolve("train" + kind + "-" + forms + ".bin"), mnist, 0,
                TRAIN_END, forms, kind.isEmpty() ? SEED : SEED + 500_000_000L, threads, writing, distortion);
        if (alsoForms > 0 && !kind.isEmpty()) {
            // fine-tuning on broad writing keeps boxes of the training writing too, so that it is not forgotten
            photoTraining = photoTraining.plus(PhotoBoxes.cached(cache.resolve("train-" + alsoForms + ".bin"), mnist,
                    0, TRAIN_END, alsoForms, SEED, threads));
        }
        if (patches > 0) {
            // boxes of photographed pieces of pages in broad writing (BoxPatches): cheap, so many more of them
            photoTraining = photoTraining.plus(PhotoBoxes.patches(cache.resolve("patches-" + patches + ".bin"), mnist,
                    0, TRAIN_END, patches, SEED + 700_000_000L, threads));
        }
        if (blurryPatches > 0) {
            // pieces photographed small, out of focus or shaken (BoxPatches.Photo.BLURRY), another seed
            photoTraining = photoTraining.plus(PhotoBoxes.patches(cache.resolve("patches-blurry-" + blurryPatches
                            + ".bin"), mnist, 0, TRAIN_END, blurryPatches, SEED + 800_000_000L, threads,
                    id.pemilu.ocr.synth.BoxPatches.Photo.BLURRY));
        }
        System.out.println("photo boxes per digit (training): " + photoTraining.histogram());
        if (boxesOnly) {
            return;
        }
        System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", "1"));
        DigitClassifier.configureEngine();
        // the seed drives initialisation, order and augmentation; the photo boxes are the same for every seed
        Engine.getEngine("PyTorch").setRandomSeed((int) seed);
        Random random = new Random(seed);
        float[][] validation = new float[VALIDATION_END - TRAIN_END][];
        for (int i = TRAIN_END; i < VALIDATION_END; i++) {
            validation[i - TRAIN_END] = DigitNormalizer.normalize(DigitAugmenter.distort(mnist.ink(i), random));
        }
        int[] validationLabels = new int[validation.length];
        for (int i = 0; i < validation.length; i++) {
            validationLabels[i] = mnist.label(TRAIN_END + i);
        }
        // --eval-every K: the progress prints read every K-th validation box only (on a loaded machine); the
        // ensemble's accuracy and temperature come from --calibrate on all of them
        float[][] photoInputs = new float[(photoValidation.size() + evalEvery - 1) / evalEvery][];
        int[] photoLabels = new int[photoInputs.length];
        for (int i = 0; i < photoInputs.length; i++) {
            photoInputs[i] = photoValidation.input(i * evalEvery);
            photoLabels[i] = photoValidation.label(i * evalEvery);
        }
        if (evalEvery > 1) {
            validation = java.util.Arrays.copyOf(validation, validation.length / evalEvery);
            validationLabels = java.util.Arrays.copyOf(validationLabels, validation.length);
        }
        int perEpoch = (int) (photoTraining.size() * photoShare) + mnistPerEpoch;
        SequentialBlock block = DigitNetwork.create();
        try (Model model = Model.newInstance("digits", "PyTorch")) {
            model.setBlock(block);
            Tracker rate = Tracker.cosine().setBaseValue(rate0).optFinalValue(0.00005f)
                    .setMaxUpdates(epochs * perEpoch / BATCH).build();
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(rate).build());
            float[][] logits;
            if (init != null) {
                // fine-tuning: start from a trained network's parameters (batch-norm statistics included). They are
                // loaded before the trainer exists: the trainer's parameter store keeps the arrays it finds when it
                // is initialised, and the block's initialisation leaves parameters that already hold values alone.
                block.initialize(model.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, DigitNetwork.INPUT);
                try (java.io.DataInputStream in = new java.io.DataInputStream(Files.newInputStream(init))) {
                    block.loadParameters(model.getNDManager(), in);
                } catch (ai.djl.MalformedModelException e) {
                    throw new IOException(e);
                }
            }
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(DigitNetwork.INPUT);
                if (init != null) {
                    for (var parameter : block.getParameters()) {
                        if (parameter.getValue().requiresGradient()) {
                            parameter.getValue().getArray().setRequiresGradient(true);
                        }
                    }
                    System.out.printf("started from %s: boxes of photos %.3f %%%n", init,
                            100 * accuracy(logits(model.getNDManager(), trainer, photoInputs), photoLabels));
                }
                for (int epoch = 1; epoch <= epochs; epoch++) {
                    long started = System.nanoTime();
                    double loss = trainEpoch(trainer, mnist, photoTraining, random, mnistPerEpoch, photoShare, wide);
                    double accuracy = accuracy(logits(model.getNDManager(), trainer, validation), validationLabels);
                    double photoAccuracy = accuracy(logits(model.getNDManager(), trainer, photoInputs), photoLabels);
                    System.out.printf("epoch %d  loss %.4f  validation: distorted MNIST %.2f %%, boxes of photos "
                                    + "%.3f %%  (%.0f s)%n", epoch, loss, accuracy * 100, photoAccuracy * 100,
                            (System.nanoTime() - started) / 1e9);
                    Path checkpoint = cache.resolve("checkpoint-epoch-" + epoch + ".params");
                    try (DataOutputStream data = new DataOutputStream(Files.newOutputStream(checkpoint))) {
                        block.saveParameters(data);
                    }
                }
                logits = logits(model.getNDManager(), trainer, photoInputs);
            }
            Files.createDirectories(out.toAbsolutePath().getParent());
            try (OutputStream file = Files.newOutputStream(out); DataOutputStream data = new DataOutputStream(file)) {
                block.saveParameters(data);
            }
            System.out.println("wrote " + out + " (" + Files.size(out) + " bytes)");
            checkSavedParameters(out, photoInputs, logits);
            double temperature = Calibration.fitTemperature(logits, photoLabels);
            System.out.printf("temperature fitted on %d validation boxes of photos: %.3f (NLL %.5f -> %.5f)%n",
                    photoLabels.length, temperature, Calibration.nll(logits, photoLabels, 1),
                    Calibration.nll(logits, photoLabels, temperature));
            System.out.println("reliability before calibration:");
            System.out.print(Calibration.reliability(logits, photoLabels, 1));
            System.out.println("reliability after calibration (stated = mean top probability):");
            System.out.print(Calibration.reliability(logits, photoLabels, temperature));
            if (!out.getFileName().toString().equals("digits.params")) {
                System.out.println("a further ensemble member: fit the ensemble's temperature with --calibrate");
                return;
            }
            Path calibration = out.resolveSibling("digits.calibration");
            Files.writeString(calibration, String.format(java.util.Locale.ROOT,
                    "# temperature scaling of the digit logits, fitted by DigitTrainer on %d validation boxes cut from "
                            + "synthesised photos (MNIST 48,000-49,999)%ntemperature=%.4f%nmembers=1%n",
                    photoLabels.length, temperature));
            System.out.println("wrote " + calibration);
        }
    }

    /**
     * Fits the temperature of the ensemble on the classpath (every {@code model/digits*.params}, see
     * {@link DigitClassifier}) on the validation boxes of photos, prints its accuracy and reliability, and writes the
     * calibration with the number of members it holds for.
     */
    private static void calibrateEnsemble(PhotoBoxes validation, int firstKind, Path calibration)
            throws IOException {
        List<float[]> inputs = new ArrayList<>();
        int[] labels = new int[validation.size()];
        for (int i = 0; i < validation.size(); i++) {
            inputs.add(validation.input(i));
            labels[i] = validation.label(i);
        }
        try (DigitClassifier ensemble = DigitClassifier.load(false)) {
            float[][] logits = ensemble.logits(inputs);
            double temperature = Calibration.fitTemperature(logits, labels);
            System.out.printf("ensemble of %d network(s): validation boxes of photos %.3f %%, temperature %.3f "
                            + "(NLL %.5f -> %.5f)%n", ensemble.members(), 100 * accuracy(logits, labels), temperature,
                    Calibration.nll(logits, labels, 1), Calibration.nll(logits, labels, temperature));
            System.out.print(Calibration.reliability(logits, labels, temperature));
            if (firstKind < labels.length) {
                System.out.printf("  of which the training writing (ALL photos) %.3f %% of %d, the broad writing "
                                + "(HARSH photos) %.3f %% of %d%n",
                        100 * accuracy(java.util.Arrays.copyOf(logits, firstKind),
                                java.util.Arrays.copyOf(labels, firstKind)), firstKind,
                        100 * accuracy(java.util.Arrays.copyOfRange(logits, firstKind, labels.length),
                                java.util.Arrays.copyOfRange(labels, firstKind, labels.length)),
                        labels.length - firstKind);
            }
            // where the out-of-distribution score's 0 lies (OutOfDistribution.ENERGY_TYPICAL): the energy quantiles
            double[] energy = new double[logits.length];
            for (int i = 0; i < logits.length; i++) {
                energy[i] = OutOfDistribution.energy(logits[i]);
            }
            java.util.Arrays.sort(energy);
            System.out.printf("energy of the validation boxes: median %.2f, 99th percentile %.2f, 99.9th %.2f%n",
                    energy[energy.length / 2], energy[(int) (energy.length * 0.99)],
                    energy[(int) (energy.length * 0.999)]);
            // the edge that leaves the same share of the training writing's boxes above it as -6 did for the third
            // round's four networks: -Dpemilu.ocr.energyTypical for a measurement, OutOfDistribution to commit it
            double[] training = new double[firstKind];
            for (int i = 0; i < firstKind; i++) {
                training[i] = OutOfDistribution.energy(logits[i]);
            }
            java.util.Arrays.sort(training);
            int edge = (int) Math.round(firstKind * (1 - OutOfDistribution.SHARE_ABOVE_TYPICAL));
            System.out.printf("energy of the training writing's boxes: median %.2f; %.1f %% lie above %.2f "
                            + "(ENERGY_TYPICAL now %.2f, above it %d of %d)%n", training[firstKind / 2],
                    100 * OutOfDistribution.SHARE_ABOVE_TYPICAL, training[Math.min(edge, firstKind - 1)],
                    OutOfDistribution.ENERGY_TYPICAL, java.util.Arrays.stream(training)
                            .filter(e -> e > OutOfDistribution.ENERGY_TYPICAL).count(), firstKind);
            Files.writeString(calibration, String.format(java.util.Locale.ROOT,
                    "# temperature scaling of the mean logits of %d digit network(s), fitted by DigitTrainer on %d "
                            + "validation boxes cut from synthesised photos (MNIST 48,000-49,999)%n"
                            + "temperature=%.4f%nmembers=%d%n",
                    ensemble.members(), labels.length, temperature, ensemble.members()));
            System.out.println("wrote " + calibration);
        }
    }

    /**
     * Loads the written parameters into a fresh network, as {@link DigitClassifier} does, and checks that it gives the
     * trainer's logits (batch-norm running statistics included).
     */
    private static void checkSavedParameters(Path file, float[][] inputs, float[][] expected) throws IOException {
        try (Model model = Model.newInstance("check", "PyTorch");
             java.io.InputStream in = Files.newInputStream(file)) {
            SequentialBlock block = DigitNetwork.create();
            block.initialize(model.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, DigitNetwork.INPUT);
            block.loadParameters(model.getNDManager(), new java.io.DataInputStream(in));
            ai.djl.training.ParameterStore store = new ai.djl.training.ParameterStore(model.getNDManager(), false);
            int n = Math.min(1000, inputs.length);
            int side = DigitNormalizer.SIDE * DigitNormalizer.SIDE;
            float[] x = new float[n * side];
            for (int i = 0; i < n; i++) {
                if (inputs[i] != null) {
                    System.arraycopy(inputs[i], 0, x, i * side, side);
                }
            }
            NDArray data = model.getNDManager().create(x, new Shape(n, 1, DigitNormalizer.SIDE, DigitNormalizer.SIDE));
            float[] values = block.forward(store, new NDList(data), false).singletonOrThrow().toFloatArray();
            double worst = 0;
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 10; k++) {
                    worst = Math.max(worst, Math.abs(values[i * 10 + k] - expected[i][k]));
                }
            }
            System.out.printf("reloaded parameters: largest logit difference %.2e on %d boxes%n", worst, n);
            if (worst > 1e-3) {
                throw new IllegalStateException("The saved parameters do not reproduce the trained network");
            }
        } catch (ai.djl.MalformedModelException e) {
            throw new IOException(e);
        }
    }

    /**
     * One pass over the photo boxes (a random {@code photoShare} of them) and {@code mnistDigits} MNIST training digits
     * (a fresh random choice), the MNIST digits distorted by {@link DigitAugmenter#distortWide} when {@code wide}.
     */
    private static double trainEpoch(Trainer trainer, MnistFile mnist, PhotoBoxes photos, Random random,
                                     int mnistDigits, double photoShare, boolean wide) {
        int all = photos.size() + TRAIN_END;
        int[] order = shuffled(all, random);
        if (mnistDigits < TRAIN_END || photoShare < 1) {
            // the first photoShare of the photo boxes and the first mnistDigits MNIST digits of the shuffled order
            int photosWanted = (int) (photos.size() * photoShare);
            int[] kept = new int[photosWanted + mnistDigits];
            int k = 0, mnistTaken = 0, photosTaken = 0;
            for (int index : order) {
                if (index < photos.size() ? photosTaken++ < photosWanted : mnistTaken++ < mnistDigits) {
                    kept[k++] = index;
                }
            }
            order = java.util.Arrays.copyOf(kept, k);
        }
        int total = order.length;
        double lossSum = 0;
        int batches = 0;
        long started = System.nanoTime();
        int side = DigitNormalizer.SIDE * DigitNormalizer.SIDE;
        for (int start = 0; start + BATCH <= total; start += BATCH) {
            float[] x = new float[BATCH * side];
            float[] y = new float[BATCH];
            for (int b = 0; b < BATCH; b++) {
                int index = order[start + b];
                float[] input;
                if (index < photos.size()) {
                    input = photos.input(index);
                    y[b] = photos.label(index);
                } else {
                    int digit = index - photos.size();
                    float[][] ink = random.nextDouble() < 0.85
                            ? wide ? DigitAugmenter.distortWide(mnist.ink(digit), random)
                                    : DigitAugmenter.distort(mnist.ink(digit), random)
                            : mnist.ink(digit);
                    input = DigitNormalizer.normalize(ink);
                    y[b] = mnist.label(digit);
                }
                if (input != null) {
                    System.arraycopy(input, 0, x, b * side, side);
                }
            }
            lossSum += trainStep(trainer, x, y);
            batches++;
            if (batches % 500 == 0) {
                System.out.printf("  %d/%d batches, loss %.4f (%.0f s)%n", batches, total / BATCH, lossSum / batches,
                        (System.nanoTime() - started) / 1e9);
            }
        }
        return lossSum / batches;
    }

    /** One optimiser step on a batch (inputs {@code x}, labels {@code y}); returns the batch's loss. */
    static float trainStep(Trainer trainer, float[] x, float[] y) {
        try (NDManager manager = trainer.getManager().newSubManager()) {
            NDArray data = manager.create(x, new Shape(y.length, 1, DigitNormalizer.SIDE, DigitNormalizer.SIDE));
            NDArray labels = manager.create(y, new Shape(y.length));
            float loss;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList predictions = trainer.forward(new NDList(data));
                NDArray batchLoss = trainer.getLoss().evaluate(new NDList(labels), predictions);
                collector.backward(batchLoss);
                loss = batchLoss.getFloat();
            }
            trainer.step();
            return loss;
        }
    }

    /** Logits (10 per input) of the network in evaluation mode, in batches. */
    private static float[][] logits(NDManager parent, Trainer trainer, float[][] inputs) {
        return logits(parent, trainer, inputs, 10);
    }

    /** Logits ({@code outputs} per input) of a network in evaluation mode, in batches of 1,000. */
    static float[][] logits(NDManager parent, Trainer trainer, float[][] inputs, int outputs) {
        int side = DigitNormalizer.SIDE * DigitNormalizer.SIDE;
        float[][] out = new float[inputs.length][];
        for (int from = 0; from < inputs.length; from += 1000) {
            int n = Math.min(1000, inputs.length - from);
            try (NDManager manager = parent.newSubManager()) {
                float[] x = new float[n * side];
                for (int i = 0; i < n; i++) {
                    if (inputs[from + i] != null) {
                        System.arraycopy(inputs[from + i], 0, x, i * side, side);
                    }
                }
                NDArray data = manager.create(x, new Shape(n, 1, DigitNormalizer.SIDE, DigitNormalizer.SIDE));
                float[] values = trainer.evaluate(new NDList(data)).singletonOrThrow().toFloatArray();
                for (int i = 0; i < n; i++) {
                    out[from + i] = java.util.Arrays.copyOfRange(values, i * outputs, i * outputs + outputs);
                }
            }
        }
        return out;
    }

    private static double accuracy(float[][] logits, int[] labels) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (Calibration.argMax(logits[i]) == labels[i]) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }

    /** 0 .. n-1 in a random order (Fisher-Yates): the order of one training epoch. */
    static int[] shuffled(int n, java.util.Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
