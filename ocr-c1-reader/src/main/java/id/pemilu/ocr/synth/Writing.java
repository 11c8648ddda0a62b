package id.pemilu.ocr.synth;

/**
 * How an officer writes on the own synthesiser's forms. {@link #TRAINING} is the writing the first digit networks were
 * trained on (digit height 60-80 % of the box, the MNIST stroke, small offsets); {@link #VARIED} is writing unlike it,
 * used to choose the flag rules and as the own benchmark's harder half: digit height from 45 % of the box to touching
 * its edges, thin and thick pens (the MNIST stroke eroded or dilated), slant, off-centre placement. {@link #BROAD} is
 * what the networks are trained on since issue 19: VARIED and more (pens up to three pixels of the 28x28 digit
 * thicker, pale and grey inks, a stretch of the stroke where the pen skipped, a small rotation, digits pushed against
 * the box's edge).
 *
 * @param sizeMin     smallest digit height, share of the box height
 * @param sizeMax     largest digit height (1 = touching the box's top and bottom)
 * @param penMin      thinnest pen: -1 erodes the MNIST stroke by one pixel of the 28x28 digit, 0 keeps it
 * @param penMax      thickest pen: +1 / +2 / +3 dilate it by one / two / three pixels
 * @param slant       largest horizontal shear (x += slant * (y - centre))
 * @param offCentre   largest offset of the digit's centre from the box centre, share of the box side
 * @param paleInk     share of officers writing with a pale or grey pen (the ink laid on at 45-85 % strength)
 * @param skipped     share of digits with a stretch of stroke where the pen skipped (ink at 10-50 % there)
 * @param rotation    largest rotation of a digit, degrees
 */
public record Writing(double sizeMin, double sizeMax, int penMin, int penMax, double slant, double offCentre,
                      double paleInk, double skipped, double rotation) {

    public static final Writing TRAINING = new Writing(0.6, 0.8, 0, 0, 0, 0.05);
    public static final Writing VARIED = new Writing(0.45, 1.0, -1, 2, 0.35, 0.15);
    public static final Writing BROAD = new Writing(0.45, 1.0, -1, 3, 0.4, 0.2, 0.35, 0.15, 10);

    public Writing(double sizeMin, double sizeMax, int penMin, int penMax, double slant, double offCentre) {
        this(sizeMin, sizeMax, penMin, penMax, slant, offCentre, 0, 0, 0);
    }

    boolean plain() {
        return equals(TRAINING);
    }

    /** TRAINING, VARIED or BROAD by name. */
    public static Writing named(String name) {
        return switch (name) {
            case "TRAINING" -> TRAINING;
            case "VARIED" -> VARIED;
            case "BROAD" -> BROAD;
            default -> throw new IllegalArgumentException("unknown writing " + name);
        };
    }
}
