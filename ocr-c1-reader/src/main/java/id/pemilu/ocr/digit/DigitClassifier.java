package id.pemilu.ocr.digit;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The trained digit networks, loaded offline from the classpath: {@code model/digits.params} and, when present, further
 * members of an ensemble {@code model/digits-2.params}, {@code model/digits-3.params} … trained the same way with other
 * seeds. Classifies all boxes of a page in one batch: the members' logits are averaged, divided by the temperature
 * fitted on validation boxes for exactly this set of members, and turned into the full probability vector of each box.
 * Thread-safe (calls are serialised).
 */
public final class DigitClassifier implements AutoCloseable {

    public static final String RESOURCE = "/model/digits.params";
    /** Temperature fitted on validation boxes cut from synthesised photos ({@code temperature=T}, {@code members=N}). */
    public static final String CALIBRATION = "/model/digits.calibration";
    static final int MAX_MEMBERS = 9;

    private final List<Model> models;
    private final List<SequentialBlock> blocks;
    private final List<ParameterStore> parameters;
    private final float temperature;
    private final StruckDetector struck;

    private DigitClassifier(List<Model> models, List<SequentialBlock> blocks, float temperature) {
        this.struck = StruckDetector.load();
        this.models = models;
        this.blocks = blocks;
        this.parameters = models.stream().map(m -> new ParameterStore(m.getNDManager(), false)).toList();
        this.temperature = temperature;
    }

    /** The calibration temperature (logits are divided by it before the softmax); 1 without a calibration file. */
    public float temperature() {
        return temperature;
    }

    /** How many networks are averaged. */
    public int members() {
        return blocks.size();
    }

    /** Classpath resource of ensemble member {@code n} (1 = the first, {@link #RESOURCE}). */
    public static String memberResource(int n) {
        return n == 1 ? RESOURCE : "/model/digits-" + n + ".params";
    }

    static float loadTemperature(int members) throws IOException {
        try (InputStream in = DigitClassifier.class.getResourceAsStream(CALIBRATION)) {
            if (in == null) {
                return 1f;
            }
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            float t = Float.parseFloat(properties.getProperty("temperature", "1"));
            if (!(t > 0.05f && t < 20f)) {
                throw new IOException("Implausible calibration temperature " + t);
            }
            int calibrated = Integer.parseInt(properties.getProperty("members", "1"));
            if (calibrated != members) {
                throw new IOException("The calibration was fitted for " + calibrated + " network(s), but " + members
                        + " are on the classpath: run the trainer's --calibrate step again");
            }
            return t;
        }
    }

    public static DigitClassifier load() {
        return load(true);
    }

    /** @param calibrated false: temperature 1 whatever the calibration file says (to fit a new one) */
    static DigitClassifier load(boolean calibrated) {
        configureEngine();
        List<Model> models = new java.util.ArrayList<>();
        List<SequentialBlock> blocks = new java.util.ArrayList<>();
        try {
            for (int n = 1; n <= MAX_MEMBERS; n++) {
                try (InputStream in = DigitClassifier.class.getResourceAsStream(memberResource(n))) {
                    if (in == null) {
                        if (n == 1) {
                            throw new IllegalStateException("Digit model " + RESOURCE + " missing from the classpath");
                        }
                        break;
                    }
                    Model model = Model.newInstance("digits-" + n, "PyTorch");
                    models.add(model);
                    blocks.add(read(model, in));
                }
            }
            return new DigitClassifier(models, blocks, calibrated ? loadTemperature(blocks.size()) : 1f);
        } catch (IOException | ai.djl.MalformedModelException e) {
            models.forEach(Model::close);
            throw new UncheckedIOException(new IOException("Cannot load the digit model", e));
        }
    }

    /** One network's parameters, read into a fresh {@link DigitNetwork} owned by {@code model}. */
    static SequentialBlock read(Model model, InputStream in) throws IOException, ai.djl.MalformedModelException {
        SequentialBlock block = DigitNetwork.create();
        block.initialize(model.getNDManager(), DataType.FLOAT32, DigitNetwork.INPUT);
        block.loadParameters(model.getNDManager(), new DataInputStream(in));
        model.setBlock(block);
        return block;
    }

    /** Offline, one PyTorch thread per worker. */
    public static void configureEngine() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", "1"));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        Engine.getEngine("PyTorch");
    }

    /** Probabilities (10 per input) for each normalised 28x28 input. */
    public synchronized float[][] classify(List<float[]> inputs) {
        float[][] logits = logits(inputs);
        float[][] out = new float[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            double[] p = Calibration.softmax(logits[i], temperature);
            out[i] = new float[10];
            for (int k = 0; k < 10; k++) {
                out[i][k] = (float) p[k];
            }
        }
        return out;
    }

    /**
     * Probabilities and, per input, how unlike the training boxes it is ({@link OutOfDistribution}): from the
     * energy of the members' mean logits (-log sum exp, before the temperature) and the input's ink.
     */
    public record Scored(float[][] probabilities, double[] strangeness, double[] struck, boolean[] blob) {

        public Scored(float[][] probabilities, double[] strangeness) {
            this(probabilities, strangeness, new double[probabilities.length], new boolean[probabilities.length]);
        }

        /**
         * Whether box {@code i} looks struck out ({@link StruckDetector#THRESHOLD}) or is a solid blob of ink the
         * detector is in doubt about ({@link InkBlob}); either way a person reads it.
         */
        public boolean isStruck(int i) {
            return struck[i] >= StruckDetector.THRESHOLD || blob[i];
        }
    }

    /** As {@link #classifyScored(List, List)} without the boxes as cut: no box is judged a blob. */
    public synchronized Scored classifyScored(List<float[]> inputs) {
        return classifyScored(inputs, null);
    }

    /**
     * Probabilities, strangeness and P(struck) of each input; {@code cut} (the boxes' ink maps as cut, one per input,
     * or null) lets {@link InkBlob} judge each box as cut.
     */
    public synchronized Scored classifyScored(List<float[]> inputs, List<float[][]> cut) {
        float[][] logits = logits(inputs);
        float[][] out = new float[logits.length][];
        double[] strangeness = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            double[] p = Calibration.softmax(logits[i], temperature);
            out[i] = new float[10];
            for (int k = 0; k < 10; k++) {
                out[i][k] = (float) p[k];
            }
            strangeness[i] = OutOfDistribution.strangeness(logits[i], inputs.get(i));
        }
        double[] struckProbabilities = struck.probabilities(inputs);
        boolean[] blob = new boolean[logits.length];
        for (int i = 0; i < logits.length; i++) {
            blob[i] = cut != null && InkBlob.struck(cut.get(i), struckProbabilities[i]);
        }
        return new Scored(out, strangeness, struckProbabilities, blob);
    }

    /** Largest number of inputs sent to a network at once (a page has far fewer; validation sets are split). */
    static final int MAX_BATCH = 1000;

    /** The members' mean logits (10 per input), before the temperature; in batches of at most {@link #MAX_BATCH}. */
    public synchronized float[][] logits(List<float[]> inputs) {
        float[][] logits = new float[inputs.size()][];
        for (int from = 0; from < inputs.size(); from += MAX_BATCH) {
            float[][] part = batchLogits(inputs.subList(from, Math.min(inputs.size(), from + MAX_BATCH)));
            System.arraycopy(part, 0, logits, from, part.length);
        }
        return logits;
    }

    private float[][] batchLogits(List<float[]> inputs) {
        float[] flat = new float[inputs.size() * DigitNormalizer.SIDE * DigitNormalizer.SIDE];
        for (int i = 0; i < inputs.size(); i++) {
            System.arraycopy(inputs.get(i), 0, flat, i * inputs.get(i).length, inputs.get(i).length);
        }
        float[] sum = new float[inputs.size() * 10];
        for (int m = 0; m < blocks.size(); m++) {
            try (NDManager manager = models.get(m).getNDManager().newSubManager()) {
                NDArray batch = manager.create(flat,
                        new Shape(inputs.size(), 1, DigitNormalizer.SIDE, DigitNormalizer.SIDE));
                float[] values = blocks.get(m).forward(parameters.get(m), new NDList(batch), false).singletonOrThrow()
                        .toFloatArray();
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += values[i];
                }
            }
        }
        float[][] out = new float[inputs.size()][10];
        for (int i = 0; i < inputs.size(); i++) {
            for (int k = 0; k < 10; k++) {
                out[i][k] = sum[i * 10 + k] / blocks.size();
            }
        }
        return out;
    }

    @Override
    public void close() {
        struck.close();
        models.forEach(Model::close);
    }
}
