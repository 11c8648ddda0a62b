package id.pemilu.ocr.synth;

import id.pemilu.ocr.digit.MnistFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Handwritten digits to write on synthesised forms, by label, from one range of the MNIST training set. */
public final class HandwrittenDigits {

    private final MnistFile mnist;
    private final List<List<Integer>> byLabel = new ArrayList<>();

    public HandwrittenDigits(MnistFile mnist, int from, int to) {
        this.mnist = mnist;
        for (int d = 0; d < 10; d++) {
            byLabel.add(new ArrayList<>());
        }
        for (int i = from; i < to; i++) {
            byLabel.get(mnist.label(i)).add(i);
        }
    }

    /** Digits held out from training (MNIST training images 50,000..59,999): for tests, demos and the benchmark. */
    public static HandwrittenDigits heldOut() {
        try {
            MnistFile mnist = MnistFile.load(MnistFile.defaultDirectory());
            return new HandwrittenDigits(mnist, MnistFile.FIRST_HELD_OUT, mnist.count());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public float[][] pick(int digit, Random random) {
        List<Integer> choices = byLabel.get(digit);
        return mnist.ink(choices.get(random.nextInt(choices.size())));
    }
}
