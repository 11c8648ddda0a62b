package id.pemilu.ocr.digit;

import ai.djl.Model;
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
 * Tells a box an officer struck out (a digit crossed through, the right one written over or beside it) from a box
 * holding one digit (issue 19: a struck box must go to a person, never be read as a digit and "proved" by the sums).
 * A network of the digit network's layers with two outputs ({@code model/struck.params}, trained by
 * {@link StruckTrainer} on MNIST training digits struck by {@link StruckBoxes} against the boxes of the own synthesised
 * photos). Without the file on the classpath nothing is taken as struck. Thread-safe (calls are serialised).
 */
public final class StruckDetector implements AutoCloseable {

    public static final String RESOURCE = "/model/struck.params";
    /**
     * Probability of "struck" from which a box is taken as struck. Refitted in the fourteenth round of issue 19
     * (docs/issue-19-rounds.md) for the detector trained further on struck boxes cut from own photos, on 150 own
     * crossed-out validation forms of varied writing (seed 9340000): with it the struck field is caught on 137 of 147,
     * 45 of their 15,348 other written boxes taken as struck (the tenth round's detector at 0.95 with the blob rule:
     * 128 and 35). Kept in the fifteenth round for the detector trained again on two own cuts (seeds 9400000 and
     * 9420000): on the same forms 140 of 147 caught at 41 plain boxes with {@link InkBlob#DOUBT} 0.8. The system
     * property {@code pemilu.ocr.struckThreshold} sets another, to measure a candidate.
     */
    public static final double THRESHOLD = Double.parseDouble(System.getProperty("pemilu.ocr.struckThreshold",
            "0.9"));

    private final Model model;
    private final SequentialBlock block;
    private final ParameterStore parameters;

    private StruckDetector(Model model, SequentialBlock block) {
        this.model = model;
        this.block = block;
        this.parameters = model == null ? null : new ParameterStore(model.getNDManager(), false);
    }

    /** The committed detector, or one that never says "struck" when none is on the classpath. */
    public static StruckDetector load() {
        return load(StruckDetector.class.getResourceAsStream(RESOURCE));
    }

    /** A detector from a parameter file of {@link StruckTrainer} (to measure a candidate beside the committed one). */
    public static StruckDetector load(java.nio.file.Path params) {
        try {
            return load(java.nio.file.Files.newInputStream(params));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StruckDetector load(InputStream stream) {
        DigitClassifier.configureEngine();
        try (InputStream in = stream) {
            if (in == null) {
                return new StruckDetector(null, null);
            }
            Model model = Model.newInstance("struck", "PyTorch");
            SequentialBlock block = DigitNetwork.create(2);
            block.initialize(model.getNDManager(), DataType.FLOAT32, DigitNetwork.INPUT);
            block.loadParameters(model.getNDManager(), new DataInputStream(in));
            model.setBlock(block);
            return new StruckDetector(model, block);
        } catch (IOException | ai.djl.MalformedModelException e) {
            throw new UncheckedIOException(new IOException("Cannot load the struck-box model", e));
        }
    }

    public boolean available() {
        return model != null;
    }

    /** Probability that each normalised 28x28 input is a struck box (0 for all without a model). */
    public synchronized double[] probabilities(List<float[]> inputs) {
        double[] out = new double[inputs.size()];
        if (model == null || inputs.isEmpty()) {
            return out;
        }
        int side = DigitNormalizer.SIDE * DigitNormalizer.SIDE;
        for (int from = 0; from < inputs.size(); from += DigitClassifier.MAX_BATCH) {
            int n = Math.min(DigitClassifier.MAX_BATCH, inputs.size() - from);
            float[] flat = new float[n * side];
            for (int i = 0; i < n; i++) {
                float[] input = inputs.get(from + i);
                if (input != null) {
                    System.arraycopy(input, 0, flat, i * side, side);
                }
            }
            try (NDManager manager = model.getNDManager().newSubManager()) {
                NDArray batch = manager.create(flat, new Shape(n, 1, DigitNormalizer.SIDE, DigitNormalizer.SIDE));
                float[] logits = block.forward(parameters, new NDList(batch), false).singletonOrThrow().toFloatArray();
                for (int i = 0; i < n; i++) {
                    out[from + i] = 1 / (1 + Math.exp(logits[2 * i] - logits[2 * i + 1]));
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (model != null) {
            model.close();
        }
    }
}
