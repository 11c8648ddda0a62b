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
 * the benchmark) with a fixed seed and writes {@code src/main/resources/model/digits.params}.
 * Run: {@code java -jar ocr-c1-reader.jar train [--epochs 6] [--out PATH]}.
 */
public final class DigitTrainer {

    static final int SEED = 20240214;
    static final int TRAIN_END = 48_000;
    static final int VALIDATION_END = MnistFile.FIRST_HELD_OUT;
    private static final int BATCH = 64;

    private DigitTrainer() {
    }

    public static void main(String[] args) throws IOException {
        int epochs = 6;
        Path out = Path.of("ocr-c1-reader/src/main/resources/model/digits.params");
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--epochs")) {
                epochs = Integer.parseInt(args[i + 1]);
            } else if (args[i].equals("--out")) {
                out = Path.of(args[i + 1]);
            }
        }
        System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", "2"));
        DigitClassifier.configureEngine();
        Engine.getEngine("PyTorch").setRandomSeed(SEED);
        MnistFile mnist = MnistFile.load(MnistFile.defaultDirectory());
        Random random = new Random(SEED);
        float[][] validation = new float[VALIDATION_END - TRAIN_END][];
        for (int i = TRAIN_END; i < VALIDATION_END; i++) {
            validation[i - TRAIN_END] = DigitNormalizer.normalize(DigitAugmenter.distort(mnist.ink(i), random));
        }
        SequentialBlock block = DigitNetwork.create();
        try (Model model = Model.newInstance("digits", "PyTorch")) {
            model.setBlock(block);
            Tracker rate = Tracker.cosine().setBaseValue(0.002f).optFinalValue(0.0001f)
                    .setMaxUpdates(epochs * TRAIN_END / BATCH).build();
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(rate).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(DigitNetwork.INPUT);
                for (int epoch = 1; epoch <= epochs; epoch++) {
                    long started = System.nanoTime();
                    double loss = trainEpoch(trainer, mnist, random);
                    double accuracy = accuracy(block, model.getNDManager(), trainer, validation, mnist);
                    System.out.printf("epoch %d  loss %.4f  validation accuracy %.2f %%  (%.0f s)%n", epoch, loss,
                            accuracy * 100, (System.nanoTime() - started) / 1e9);
                }
            }
            Files.createDirectories(out.toAbsolutePath().getParent());
            try (OutputStream file = Files.newOutputStream(out); DataOutputStream data = new DataOutputStream(file)) {
                block.saveParameters(data);
            }
            System.out.println("wrote " + out + " (" + Files.size(out) + " bytes)");
        }
    }

    private static double trainEpoch(Trainer trainer, MnistFile mnist, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < TRAIN_END; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, random);
        double lossSum = 0;
        int batches = 0;
        int side = DigitNormalizer.SIDE * DigitNormalizer.SIDE;
        for (int start = 0; start + BATCH <= order.size(); start += BATCH) {
            float[] x = new float[BATCH * side];
            float[] y = new float[BATCH];
            for (int b = 0; b < BATCH; b++) {
                int index = order.get(start + b);
                float[][] ink = random.nextDouble() < 0.85 ? DigitAugmenter.distort(mnist.ink(index), random)
                        : mnist.ink(index);
                float[] input = DigitNormalizer.normalize(ink);
                if (input != null) {
                    System.arraycopy(input, 0, x, b * side, side);
                }
                y[b] = mnist.label(index);
            }
            try (NDManager manager = trainer.getManager().newSubManager()) {
                NDArray data = manager.create(x, new Shape(BATCH, 1, DigitNormalizer.SIDE, DigitNormalizer.SIDE));
                NDArray labels = manager.create(y, new Shape(BATCH));
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDList predictions = trainer.forward(new NDList(data));
                    NDArray loss = trainer.getLoss().evaluate(new NDList(labels), predictions);
                    collector.backward(loss);
                    lossSum += loss.getFloat();
                }
                trainer.step();
            }
            batches++;
        }
        return lossSum / batches;
    }

    private static double accuracy(SequentialBlock block, NDManager parent, Trainer trainer, float[][] inputs,
                                   MnistFile mnist) {
        int correct = 0;
        int side = DigitNormalizer.SIDE * DigitNormalizer.SIDE;
        try (NDManager manager = parent.newSubManager()) {
            float[] x = new float[inputs.length * side];
            for (int i = 0; i < inputs.length; i++) {
                if (inputs[i] != null) {
                    System.arraycopy(inputs[i], 0, x, i * side, side);
                }
            }
            NDArray data = manager.create(x, new Shape(inputs.length, 1, DigitNormalizer.SIDE, DigitNormalizer.SIDE));
            NDArray predicted = trainer.evaluate(new NDList(data)).singletonOrThrow().argMax(1);
            long[] labels = predicted.toLongArray();
            for (int i = 0; i < inputs.length; i++) {
                if (labels[i] == mnist.label(TRAIN_END + i)) {
                    correct++;
                }
            }
        }
        return (double) correct / inputs.length;
    }
}
