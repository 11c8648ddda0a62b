package id.pemilu.ocr.digit;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
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
import id.pemilu.ocr.synth.VoteGenerator;
import id.pemilu.ocr.synth.Writing;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Trains {@link StruckDetector} further on boxes cut from the own synthesised photos (issue 19, fourteenth round).
 * The tenth round's detector learnt "struck" from strikes drawn in the ink domain ({@link StruckBoxes}); it misses
 * about one struck field in five of the own varied writing (blobs, tails, strikes through thick digits), some of them
 * with P(struck) below 0.01. Here the own synthesiser itself strikes the boxes ({@code FormFiller.strike}, varied
 * hands, the whole photo chain), so the detector sees struck boxes exactly as the reader cuts them.
 * <p>Two steps, both on MNIST training digits (0..47,999) only:
 * <pre>
 * # cut: every written box of N photos on which each field is struck with probability --share (label 1 for the struck
 * # box, 0 for every other written box, the other boxes of a struck field included)
 * java ... id.pemilu.ocr.digit.StruckFineTuner --cut /tmp/own-a.bin --forms 150 --seed 9400000 --share 0.2
 * # train: from the committed parameters, own struck boxes (repeated), own plain boxes, the trainer's mix
 * java ... id.pemilu.ocr.digit.StruckFineTuner --own /tmp/own-a.bin,/tmp/own-b.bin --epochs 2 --out /tmp/s.params
 * </pre>
 * Validation and the threshold are {@code StruckProbe --params} on own validation seeds (digits 48,000..49,999).
 */
public final class StruckFineTuner {

    private static final int BATCH = 64;
    private static final int PIXELS = DigitNormalizer.SIDE * DigitNormalizer.SIDE;

    private StruckFineTuner() {
    }

    /** One cut box: its input, whether it is the struck box, its form and field (for diagnosis). */
    record OwnBox(float[] input, boolean struck, int form, String key) {
    }

    public static void main(String[] args) throws Exception {
        Path cut = null;
        int forms = 150;
        long seed = 9_400_000;
        double share = 0.2;
        Writing writing = Writing.VARIED;
        PhotoSimulator.Distortion distortion = PhotoSimulator.Distortion.ALL;
        List<Path> own = new ArrayList<>();
        Path init = Path.of("ocr-c1-reader/src/main/resources/model/struck.params");
        Path out = Path.of("/tmp/struck-tuned.params");
        int epochs = 2;
        float rate0 = 0.0005f;
        int repeat = 3;
        int ownPlain = 20_000;
        int synthetic = 12_000;
        int mnistPlain = 8_000;
        long trainSeed = 14_014;
        double hardBelow = 0;
        int hardRepeat = 0;
        double hardAbove = 1;
        int hardPlainRepeat = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--cut" -> cut = Path.of(value);
                case "--forms" -> forms = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--share" -> share = Double.parseDouble(value);
                case "--writing" -> writing = Writing.named(value);
                case "--distortion" -> distortion = PhotoSimulator.Distortion.valueOf(value);
                case "--own" -> {
                    for (String file : value.split(",")) {
                        own.add(Path.of(file));
                    }
                }
                case "--init" -> init = Path.of(value);
                case "--out" -> out = Path.of(value);
                case "--epochs" -> epochs = Integer.parseInt(value);
                case "--rate" -> rate0 = Float.parseFloat(value);
                case "--repeat" -> repeat = Integer.parseInt(value);
                case "--own-plain" -> ownPlain = Integer.parseInt(value);
                case "--synthetic" -> synthetic = Integer.parseInt(value);
                case "--mnist" -> mnistPlain = Integer.parseInt(value);
                case "--train-seed" -> trainSeed = Long.parseLong(value);
                case "--hard-below" -> hardBelow = Double.parseDouble(value);
                case "--hard-repeat" -> hardRepeat = Integer.parseInt(value);
                case "--hard-above" -> hardAbove = Double.parseDouble(value);
                case "--hard-plain-repeat" -> hardPlainRepeat = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        MnistFile mnist = MnistFile.load(MnistFile.defaultDirectory());
        if (cut != null) {
            cut(mnist, cut, forms, seed, share, writing, distortion);
            return;
        }
        List<OwnBox> boxes = new ArrayList<>();
        for (Path file : own) {
            read(file, boxes);
        }
        List<float[]> struck = new ArrayList<>();
        List<float[]> plain = new ArrayList<>();
        for (OwnBox box : boxes) {
            (box.struck() ? struck : plain).add(box.input());
        }
        System.out.printf("own boxes: %d struck, %d plain%n", struck.size(), plain.size());
        if (hardRepeat > 0 || hardPlainRepeat > 0) {
            emphasiseHard(init, struck, plain, hardBelow, hardRepeat, hardAbove, hardPlainRepeat);
        }
        train(mnist, struck, plain, init, out, epochs, rate0, repeat, Math.min(ownPlain, plain.size()), synthetic,
                mnistPlain, trainSeed);
    }

    private static void cut(MnistFile mnist, Path file, int forms, long seed, double share, Writing writing,
                            PhotoSimulator.Distortion distortion) throws IOException {
        FormTemplates templates = FormTemplates.load();
        PageLocator locator = new PageLocator(templates);
        FormSynthesizer synthesizer = new FormSynthesizer(new HandwrittenDigits(mnist, 0, DigitTrainer.TRAIN_END));
        long started = System.nanoTime();
        int struckBoxes = 0;
        int plainBoxes = 0;
        try (DataOutputStream data = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            data.writeInt(-14);
            for (int i = 0; i < forms; i++) {
                FormTemplate template = templates.all().get(i % templates.all().size());
                String tps = String.format("31.71.03.3003.%03d", 1 + i % 50);
                FormSynthesizer.StruckPhoto photo = synthesizer.synthesizeStruck(template, tps, seed + i, distortion,
                        random -> VoteGenerator.generate(template, random), writing, share);
                GrayImage image;
                LocatedPage page;
                try {
                    image = PhotoDecoder.decode(photo.photo().jpeg());
                    page = locator.locate(image);
                } catch (UnreadablePhoto e) {
                    System.out.printf("  refused: form %d seed %d: %s%n", i, seed + i, e.getMessage());
                    continue;
                }
                for (FormTemplate.Field field : template.fields()) {
                    Integer struckAt = photo.struckBoxes().get(field.key());
                    for (int b = 0; b < field.boxes().size(); b++) {
                        BoxSampler.BoxInk ink = BoxSampler.sample(image, page.templateToImage(), field.boxes().get(b));
                        if (!ink.inked()) {
                            continue;
                        }
                        float[] input = DigitNormalizer.normalize(ink.ink());
                        if (input == null) {
                            continue;
                        }
                        boolean struck = struckAt != null && struckAt == b;
                        data.writeInt(i);
                        data.writeUTF(field.key());
                        data.writeBoolean(struck);
                        for (float v : input) {
                            data.writeFloat(v);
                        }
                        if (struck) {
                            struckBoxes++;
                        } else {
                            plainBoxes++;
                        }
                    }
                }
                if ((i + 1) % 20 == 0) {
                    System.out.printf("  %d forms cut, %d struck and %d plain boxes (%.0f s)%n", i + 1, struckBoxes,
                            plainBoxes, (System.nanoTime() - started) / 1e9);
                }
            }
        }
        System.out.printf("wrote %s: %d struck and %d plain boxes (%.0f s)%n", file, struckBoxes, plainBoxes,
                (System.nanoTime() - started) / 1e9);
    }

    /**
     * Hard examples (issue 19, fifteenth round): the own struck boxes the starting detector scores below
     * {@code below} (the ones it misses, which only the arithmetic's out-of-distribution flag can still catch) are
     * added {@code repeat} more times, and the own plain boxes it scores at or above {@code above} (plain boxes taken
     * as struck) {@code plainRepeat} more times, so that the further training weighs both kinds of error more.
     */
    static void emphasiseHard(Path init, List<float[]> struck, List<float[]> plain, double below, int repeat,
                              double above, int plainRepeat) {
        double[] pStruck;
        double[] pPlain;
        try (StruckDetector detector = StruckDetector.load(init)) {
            pStruck = detector.probabilities(struck);
            pPlain = detector.probabilities(plain);
        }
        List<float[]> hardStruck = new ArrayList<>();
        for (int i = 0; i < pStruck.length; i++) {
            if (pStruck[i] < below) {
                hardStruck.add(struck.get(i));
            }
        }
        List<float[]> hardPlain = new ArrayList<>();
        for (int i = 0; i < pPlain.length; i++) {
            if (pPlain[i] >= above) {
                hardPlain.add(plain.get(i));
            }
        }
        for (int r = 0; r < repeat; r++) {
            struck.addAll(hardStruck);
        }
        for (int r = 0; r < plainRepeat; r++) {
            plain.addAll(hardPlain);
        }
        System.out.printf("hard examples by %s: %d struck boxes below %.2f (x%d more), %d plain boxes at or above "
                + "%.2f (x%d more)%n", init, hardStruck.size(), below, repeat, hardPlain.size(), above, plainRepeat);
    }

    static void read(Path file, List<OwnBox> boxes) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != -14) {
                throw new IOException("not a file of StruckFineTuner --cut: " + file);
            }
            while (true) {
                int form;
                try {
                    form = in.readInt();
                } catch (EOFException end) {
                    break;
                }
                String key = in.readUTF();
                boolean struck = in.readBoolean();
                float[] input = new float[PIXELS];
                for (int v = 0; v < PIXELS; v++) {
                    input[v] = in.readFloat();
                }
                boxes.add(new OwnBox(input, struck, form, key));
            }
        }
    }

    private static void train(MnistFile mnist, List<float[]> struck, List<float[]> plain, Path init, Path out,
                              int epochs, float rate0, int repeat, int ownPlain, int synthetic, int mnistPlain,
                              long seed) throws Exception {
        System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", "1"));
        DigitClassifier.configureEngine();
        Engine.getEngine("PyTorch").setRandomSeed((int) seed);
        Random random = new Random(seed);
        int perEpoch = struck.size() * repeat + ownPlain + synthetic + mnistPlain;
        SequentialBlock block = DigitNetwork.create(2);
        try (Model model = Model.newInstance("struck", "PyTorch")) {
            model.setBlock(block);
            // from the committed detector (as DigitTrainer --init: loaded before the trainer exists)
            block.initialize(model.getNDManager(), DataType.FLOAT32, DigitNetwork.INPUT);
            try (DataInputStream in = new DataInputStream(Files.newInputStream(init))) {
                block.loadParameters(model.getNDManager(), in);
            } catch (ai.djl.MalformedModelException e) {
                throw new IOException(e);
            }
            Tracker rate = Tracker.cosine().setBaseValue(rate0).optFinalValue(0.00002f)
                    .setMaxUpdates(Math.max(1, epochs * perEpoch / BATCH)).build();
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(rate).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(DigitNetwork.INPUT);
                for (var parameter : block.getParameters()) {
                    if (parameter.getValue().requiresGradient()) {
                        parameter.getValue().getArray().setRequiresGradient(true);
                    }
                }
                System.out.printf("started from %s; %d examples per epoch (own struck %d x %d, own plain %d, "
                        + "drawn struck %d, MNIST plain %d)%n", init, perEpoch, struck.size(), repeat, ownPlain,
                        synthetic, mnistPlain);
                for (int epoch = 1; epoch <= epochs; epoch++) {
                    long started = System.nanoTime();
                    double loss = epoch(trainer, mnist, struck, plain, random, repeat, ownPlain, synthetic,
                            mnistPlain);
                    System.out.printf("epoch %d  loss %.5f  (%.0f s)%n", epoch, loss,
                            (System.nanoTime() - started) / 1e9);
                }
            }
            Files.createDirectories(out.toAbsolutePath().getParent());
            try (DataOutputStream data = new DataOutputStream(Files.newOutputStream(out))) {
                block.saveParameters(data);
            }
            System.out.println("wrote " + out + " (" + Files.size(out) + " bytes)");
        }
    }

    private static double epoch(Trainer trainer, MnistFile mnist, List<float[]> struck, List<float[]> plain,
                                Random random, int repeat, int ownPlain, int synthetic, int mnistPlain) {
        // the examples of one epoch as codes: 0..S*repeat-1 own struck, then own plain (a random sample), then drawn
        // struck boxes, then MNIST plain digits (the StruckTrainer mix)
        int ownStruck = struck.size() * repeat;
        int total = ownStruck + ownPlain + synthetic + mnistPlain;
        int[] order = DigitTrainer.shuffled(total, random);
        double lossSum = 0;
        int batches = 0;
        for (int start = 0; start + BATCH <= total; start += BATCH) {
            float[] x = new float[BATCH * PIXELS];
            float[] y = new float[BATCH];
            for (int b = 0; b < BATCH; b++) {
                int code = order[start + b];
                float[] input;
                if (code < ownStruck) {
                    input = struck.get(code % struck.size());
                    y[b] = 1;
                } else if (code < ownStruck + ownPlain) {
                    input = plain.get(random.nextInt(plain.size()));
                } else if (code < ownStruck + ownPlain + synthetic) {
                    input = StruckTrainer.struckInput(mnist, 0, DigitTrainer.TRAIN_END, random);
                    y[b] = 1;
                } else {
                    int digit = random.nextInt(DigitTrainer.TRAIN_END);
                    double kind = random.nextDouble();
                    input = DigitNormalizer.normalize(kind < 0.4 ? StruckBoxes.plain(mnist.ink(digit), random)
                            : kind < 0.9 ? DigitAugmenter.distort(mnist.ink(digit), random) : mnist.ink(digit));
                }
                if (input != null) {
                    System.arraycopy(input, 0, x, b * PIXELS, PIXELS);
                }
            }
            lossSum += DigitTrainer.trainStep(trainer, x, y);
            batches++;
            if (batches % 200 == 0) {
                System.out.printf("  %d batches, loss %.5f%n", batches, lossSum / batches);
            }
        }
        return lossSum / batches;
    }
}
