package id.pemilu.ocr.digit;

/**
 * A box whose ink holds a solid blob (issue 19, eleventh and twelfth rounds): a thick pen, a box-high digit, the strike
 * and the correction merged into one patch of ink. {@link StruckDetector} sees the strike in such a box only in part
 * (its P(struck) stays below {@link StruckDetector#THRESHOLD}), and the sums may still "prove" a reading of it, so a
 * blob the detector is in doubt about is taken as struck: a person reads it.
 * <p>
 * The blob is measured on the box as cut ({@code BoxSampler}'s 32x32 ink map, a 28x28 interior), not on the
 * normalised input: the side of the largest square of dark cells ({@link #solidSide}). A strike's tail running out of
 * the blob stretches the normaliser's crop and shrinks the blob in the 20x20 fit square (the eleventh round's dark
 * share of that square missed two such boxes), but it does not change the solid square in the box. Density alone does
 * not tell a blob from a thick digit (docs/issue-19-rounds.md, eleventh round); the detector's doubt is needed too.
 */
public final class InkBlob {

    /** Input value (or ink value of the box as cut) from which a pixel counts as dark. */
    static final float DARK = 0.5f;
    /**
     * Dark share of the fit square: the eleventh round's measure ({@link #share}), kept for measurements; no rule
     * uses it since the twelfth round.
     */
    public static final double SHARE = 0.75;
    /**
     * Side, in cells of the box as cut, of the solid square from which a box is a blob: 14, half of the box's 28-cell
     * interior. Chosen in the twelfth round (docs/issue-19-rounds.md) on own validation forms (seed 8300000, varied
     * writing, every form crossed out; seed 8310000, broad writing, harsh photos), beside {@link #DOUBT}.
     * {@code -Dpemilu.ocr.blobSide=99} reads without the rule (measurements only).
     */
    public static final int SOLID_SIDE = Integer.getInteger("pemilu.ocr.blobSide", 14);
    /**
     * P(struck) from which the detector's doubt about a blob is enough to take it as struck: 0.7 until the thirteenth
     * round; 0.9 since the fourteenth, with the detector trained further on own photos, whose P is higher on thick
     * plain boxes (on the validation forms of seed 9340000 the rule at 0.7 would add 2 struck fields of 147 for 35
     * more plain boxes of 15,348); with that detector, at the floor 0.9 and {@link StruckDetector#THRESHOLD} 0.9, the
     * rule added nothing. 0.8 since the fifteenth round, with the detector trained again on two own cuts: on seed
     * 9340000 the rule at 0.8 adds 1 struck field of 147 for 11 plain boxes of 15,348 (140 caught at 41 plain boxes;
     * the fourteenth round's detector and floors: 137 at 45). {@code -Dpemilu.ocr.blobDoubt=0.9} measures the
     * fourteenth round's floor.
     */
    public static final double DOUBT = Double.parseDouble(System.getProperty("pemilu.ocr.blobDoubt", "0.8"));

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
     * blob in the fit square (a strike's tail widening the crop shrinks it). Measured by {@code StruckProbe} only.
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

    /** Side, in cells, of the largest square of dark cells in an ink map (the box as cut, values 0..1). */
    public static int solidSide(float[][] ink) {
        int h = ink.length;
        int w = ink[0].length;
        int[][] run = new int[h][w];
        int best = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (ink[y][x] > DARK) {
                    run[y][x] = x == 0 || y == 0 ? 1
                            : 1 + Math.min(run[y][x - 1], Math.min(run[y - 1][x], run[y - 1][x - 1]));
                    best = Math.max(best, run[y][x]);
                }
            }
        }
        return best;
    }

    /**
     * Whether a box, given as cut (its ink map) and the detector's P(struck) for it, is a blob taken as struck: a
     * solid square of at least {@link #SOLID_SIDE} cells and P(struck) of at least {@link #DOUBT}.
     */
    public static boolean struck(float[][] cut, double struckProbability) {
        return cut != null && struckProbability >= DOUBT && solidSide(cut) >= SOLID_SIDE;
    }

    /** The eleventh round's rule on the normalised input (dark share of the fit square), for measurements only. */
    public static boolean denseShare(float[] input, double struckProbability) {
        return input != null && struckProbability >= DOUBT && share(input) >= SHARE;
    }
}
