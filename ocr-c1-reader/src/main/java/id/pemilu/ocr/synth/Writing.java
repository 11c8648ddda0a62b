package id.pemilu.ocr.synth;

/**
 * How an officer writes on the own synthesiser's forms. {@link #TRAINING} is the writing the digit networks were
 * trained on (digit height 60-80 % of the box, the MNIST stroke, small offsets); {@link #VARIED} is writing unlike it,
 * used to choose the flag rules and as the own benchmark's harder half: digit height from 45 % of the box to touching
 * its edges, thin and thick pens (the MNIST stroke eroded or dilated), slant, off-centre placement.
 *
 * @param sizeMin     smallest digit height, share of the box height
 * @param sizeMax     largest digit height (1 = touching the box's top and bottom)
 * @param penMin      thinnest pen: -1 erodes the MNIST stroke by one pixel of the 28x28 digit, 0 keeps it
 * @param penMax      thickest pen: +1 / +2 dilate it by one / two pixels
 * @param slant       largest horizontal shear (x += slant * (y - centre))
 * @param offCentre   largest offset of the digit's centre from the box centre, share of the box side
 */
public record Writing(double sizeMin, double sizeMax, int penMin, int penMax, double slant, double offCentre) {

    public static final Writing TRAINING = new Writing(0.6, 0.8, 0, 0, 0, 0.05);
    public static final Writing VARIED = new Writing(0.45, 1.0, -1, 2, 0.35, 0.15);

    boolean plain() {
        return equals(TRAINING);
    }
}
