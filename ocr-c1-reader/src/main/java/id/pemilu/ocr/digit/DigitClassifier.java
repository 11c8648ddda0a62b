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
 * The trained digit network, loaded offline from {@code model/digits.params} on the classpath. Classifies all boxes
 * of a page in one batch and returns the full probability vector of each box. Thread-safe (calls are serialised).
 */
public final class DigitClassifier implements AutoCloseable {

    public static final String RESOURCE = "/model/digits.params";
    /** Temperature fitted on validation boxes cut from synthesised photos ({@code temperature=T}). */
    public static final String CALIBRATION = "/model/digits.calibration";

    private final Model model;
    private final SequentialBlock block;
    private final ParameterStore parameters;
    private final float temperature;

    private DigitClassifier(Model model, SequentialBlock block, float temperature) {
        this.model = model;
        this.block = block;
        this.parameters = new ParameterStore(model.getNDManager(), false);
        this.temperature = temperature;
    }

    /** The calibration temperature (logits are divided by it before the softmax); 1 without a calibration file. */
    public float temperature() {
        return temperature;
    }

    static float loadTemperature() throws IOException {
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
            return t;
        }
    }

    public static DigitClassifier load() {
        configureEngine();
        try (InputStream in = DigitClassifier.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Digit model " + RESOURCE + " missing from the classpath");
            }
            Model model = Model.newInstance("digits", "PyTorch");
            SequentialBlock block = DigitNetwork.create();
            block.initialize(model.getNDManager(), DataType.FLOAT32, DigitNetwork.INPUT);
            block.loadParameters(model.getNDManager(), new DataInputStream(in));
            model.setBlock(block);
            return new DigitClassifier(model, block, loadTemperature());
        } catch (IOException | ai.djl.MalformedModelException e) {
            throw new UncheckedIOException(new IOException("Cannot load the digit model", e));
        }
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
        if (inputs.isEmpty()) {
            return new float[0][];
        }
        try (NDManager manager = model.getNDManager().newSubManager()) {
            float[] flat = new float[inputs.size() * DigitNormalizer.SIDE * DigitNormalizer.SIDE];
            for (int i = 0; i < inputs.size(); i++) {
                System.arraycopy(inputs.get(i), 0, flat, i * inputs.get(i).length, inputs.get(i).length);
            }
            NDArray batch = manager.create(flat, new Shape(inputs.size(), 1, DigitNormalizer.SIDE, DigitNormalizer.SIDE));
            NDArray logits = block.forward(parameters, new NDList(batch), false).singletonOrThrow();
            NDArray probabilities = logits.div(temperature).softmax(1);
            float[] values = probabilities.toFloatArray();
            float[][] out = new float[inputs.size()][10];
            for (int i = 0; i < inputs.size(); i++) {
                System.arraycopy(values, i * 10, out[i], 0, 10);
            }
            return out;
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
