package id.pemilu.ocr.digit;

/**
 * A box whose ink fills most of its square (issue 19, eleventh round): a thick pen, a box-high digit, the strike and
 * the correction merged into one dense blob. {@link StruckDetector} sees the strike in such a box only in part (its
 * P(struck) stays below {@link StruckDetector#THRESHOLD}), and the sums may still "prove" a reading of it, so a dense
 * box the detector is in doubt about is taken as struck: a person reads it. The density is the share of the 20x20
 * square the normaliser fits the ink into ({@link DigitNormalizer}) that is dark (input above {@link #DARK}).
 * <p>
 * Density alone does not tell a blob from a thick digit: on own validation forms a plain box of varied writing reaches
 * 0.81 and one of broad writing on harsh photos 0.84, while the struck fields the detector misses lie between 0.2 and
 * 0.81 (module README, eleventh round). Hence the two edges together.
 */
public final class InkBlob {

    /** Input value from which a pixel of the normalised 28x28 input counts as dark. */
    static final float DARK = 0.5f;
    /**
     * Dark share of the fit square from which a box is dense. Chosen in the eleventh round of issue 19 (module README)
     * on own validation forms (seed 8300000, varied writing, every form crossed out; seed 8310000, broad writing, harsh
     * photos). {@code -Dpemilu.ocr.blobShare=2} reads without the rule (measurements only).
     */
    public static final double SHARE = Double.parseDouble(System.getProperty("pemilu.ocr.blobShare", "0.75"));
    /** P(struck) from which the detector's doubt about a dense box is enough to take it as struck. */
    public static final double DOUBT = 0.7;

    private InkBlob() {
    }

    /** Share (0..1, more for a wide and dense box) of the fit square covered by dark pixels of the input. */
    public static double share(float[] input) {
        int dark = 0;
        for (float v : input) {
            if (v > DARK) {
                dark++;
            }
        }
        return (double) dark / (DigitNormalizer.FIT * DigitNormalizer.FIT);
    }

    /**
     * Side of the largest square of dark pixels in the input, over the fit square's side (0..1): the solid core of a
     * blob, however far a strike's tail widens the crop. Measured by {@code StruckProbe} only; no rule uses it yet.
     */
    public static double core(float[] input) {
        int side = DigitNormalizer.SIDE;
        int[] run = new int[side * side];
        int best = 0;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int i = y * side + x;
                if (input[i] > DARK) {
                    run[i] = x == 0 || y == 0 ? 1
                            : 1 + Math.min(run[i - 1], Math.min(run[i - side], run[i - side - 1]));
                    best = Math.max(best, run[i]);
                }
            }
        }
        return (double) best / DigitNormalizer.FIT;
    }

    /** Whether a box with this input, given the detector's P(struck) for it, is a dense box taken as struck. */
    public static boolean struck(float[] input, double struckProbability) {
        return input != null && struckProbability >= DOUBT && share(input) >= SHARE;
    }
}
