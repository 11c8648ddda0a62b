package id.pemilu.ocr.reading;

/**
 * Tells a box whose digit was struck out (and perhaps rewritten over it) from a box holding one digit: a struck box
 * carries a straight stroke across most of the box (a line or the arms of an X), or ink in nearly every column from
 * one side of the box to the other (a zig-zag). A handwritten digit, even one touching the box's top and bottom, has
 * neither: its straight strokes are short or near vertical, and it leaves a margin at the sides. Such a box is
 * flagged whatever the arithmetic says: what was meant there is for a person to read.
 */
public final class StrikeOut {

    /** A straight stroke at most this far from horizontal (degrees) and this long (share of the box's inner width). */
    static final int MAX_ANGLE = 55;
    static final double LINE = 0.78;
    /** Share of the inner columns holding ink for a zig-zag across the box. */
    static final double COVERAGE = 0.94;
    private static final float INK = 0.3f;

    private StrikeOut() {
    }

    /** Length of the longest straight stroke within {@link #MAX_ANGLE} of horizontal, share of the inner width. */
    public static double longestLine(float[][] ink) {
        int lo = BoxSampler.BAND;
        int hi = BoxSampler.GRID - BoxSampler.BAND;
        double width = hi - lo;
        double best = 0;
        for (int degrees = -MAX_ANGLE; degrees <= MAX_ANGLE; degrees += 5) {
            double a = Math.toRadians(degrees);
            double dx = Math.cos(a), dy = Math.sin(a);
            // lines through every point of the left half's middle column, in both directions
            for (double y0 = lo; y0 < hi; y0 += 0.5) {
                double cx = (lo + hi) / 2.0;
                int run = 0;
                int gap = 0;
                int longest = 0;
                for (double t = -width; t <= width; t += 0.5) {
                    double x = cx + t * dx, y = y0 + t * dy;
                    if (x < lo || y < lo || x >= hi || y >= hi) {
                        continue;
                    }
                    if (ink[(int) y][(int) x] > INK) {
                        run += 1 + gap;
                        gap = 0;
                        longest = Math.max(longest, run);
                    } else if (run > 0 && gap < 2) {
                        gap++;
                    } else {
                        run = 0;
                        gap = 0;
                    }
                }
                best = Math.max(best, longest * 0.5 * Math.abs(dx) / width);
            }
        }
        return best;
    }

    /** Share of the inner columns with ink. */
    public static double coverage(float[][] ink) {
        int lo = BoxSampler.BAND;
        int hi = BoxSampler.GRID - BoxSampler.BAND;
        int columns = 0;
        for (int x = lo; x < hi; x++) {
            for (int y = lo; y < hi; y++) {
                if (ink[y][x] > INK) {
                    columns++;
                    break;
                }
            }
        }
        return columns / (double) (hi - lo);
    }

    public static boolean struck(float[][] ink) {
        return ink != null && (longestLine(ink) >= LINE || coverage(ink) >= COVERAGE);
    }
}
