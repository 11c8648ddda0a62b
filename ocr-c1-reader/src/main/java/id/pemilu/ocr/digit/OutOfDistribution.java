package id.pemilu.ocr.digit;

/**
 * How unlike the boxes the networks were trained on one box is. Two measures, each scaled so that 0 is the edge of
 * what written boxes of the training kind show and 1 is far beyond it:
 * <ul>
 *   <li>the <b>energy</b> of the members' mean logits, {@code -log sum exp(logits)} before the temperature: a network
 *   gives large logits to shapes like its training digits and small ones to shapes it has no class for, so a high
 *   energy means "none of the ten digits I know" even when the softmax still puts most of its mass on one of them;</li>
 *   <li>the <b>ink</b> of the normalised 28x28 input (its sum): a digit scaled to 20 px carries a narrow band of ink;
 *   a crossed-out or overwritten box, a scribble or a box-wide smear carries far more, a dot or a broken stroke less.</li>
 * </ul>
 * The edges ({@link #ENERGY_TYPICAL}, {@link #INK_HIGH}, {@link #INK_LOW}) are quantiles measured on boxes cut from
 * validation photos of the training kind (see the module README, "Out-of-distribution score"). A box scoring above 0
 * gets less trust (its digit probabilities are mixed with the uniform distribution, more the stranger it is); a box
 * at {@link #FLAG} or more is flagged outright, whatever the arithmetic says.
 */
public final class OutOfDistribution {

    /**
     * Energy above which a box gets less trust (strangeness 0). Set for each set of networks so that the same share
     * ({@link #SHARE_ABOVE_TYPICAL}) of the validation boxes of the training writing lies above it: -6 for the third
     * round's four networks, -4.4 for the sixth round's, -4.3 for the seventh round's, -4.15 for the eighth's, -3.4
     * for the ninth's, -3.1 for the eighteenth's (fine-tuned networks give smaller logits; {@code train --calibrate}
     * prints the value, -4.29 for the seventh, -4.15 for the eighth, -3.37 for the ninth, -3.06 for the eighteenth).
     * {@code -Dpemilu.ocr.energyTypical=-3.4} reads with the ninth round's edge (measurements only).
     */
    static final double ENERGY_TYPICAL = Double.parseDouble(System.getProperty("pemilu.ocr.energyTypical", "-3.1"));
    /** Share of the validation boxes of the training writing (ALL photos) above {@link #ENERGY_TYPICAL}. */
    static final double SHARE_ABOVE_TYPICAL = 0.011;
    /** Energy span from strangeness 0 to 1. */
    static final double ENERGY_SPAN = 4.0;
    /** Input ink above which (99.95th percentile) a box starts to look overwritten. */
    static final double INK_HIGH = 200;
    static final double INK_HIGH_SPAN = 60;
    /** Input ink below which (0.05th percentile) a box starts to look like a speck or a broken stroke. */
    static final double INK_LOW = 20;
    static final double INK_LOW_SPAN = 12;
    /** Strangeness at which a box is flagged outright (energy above +2: logits so low that no digit fits). */
    public static final double FLAG = 2.0;
    /** Share of the uniform distribution mixed into the digit probabilities per unit of strangeness (capped). */
    static final double MIX_PER_UNIT = 0.3;
    static final double MIX_MAX = 0.5;

    /** Measurement only ({@code -Docr.ood.off=true}): no lowered trust, to measure what the score costs or buys. */
    static final boolean MEASURE_WITHOUT = Boolean.getBoolean("ocr.ood.off");

    private OutOfDistribution() {
    }

    public static double energy(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : logits) {
            sum += Math.exp(v - max);
        }
        return -(max + Math.log(sum));
    }

    public static double ink(float[] input) {
        double sum = 0;
        for (float v : input) {
            sum += v;
        }
        return sum;
    }

    /** Below 0: like the training boxes; 0..1 less trust; {@link #FLAG} and above: flagged. */
    public static double strangeness(float[] logits, float[] input) {
        return (energy(logits) - ENERGY_TYPICAL) / ENERGY_SPAN;
    }

    /** The digit probabilities with less trust: mixed with the uniform distribution by the box's strangeness. */
    public static float[] lowerTrust(float[] probabilities, double strangeness) {
        if (!(strangeness > 0) || MEASURE_WITHOUT) {
            return probabilities;
        }
        double mix = Math.min(MIX_MAX, MIX_PER_UNIT * strangeness);
        float[] out = new float[probabilities.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = (float) ((1 - mix) * probabilities[k] + mix / probabilities.length);
        }
        return out;
    }
}
