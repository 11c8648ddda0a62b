package id.pemilu.ocr.digit;

/**
 * Turns an ink map of one box (any size, values 0..1) into an MNIST-like 28x28 input: crop to the ink, scale the
 * longest side to 20 px with area averaging (anti-aliased), then shift so the centre of mass is at the centre.
 * The same steps run on the training digits and on the boxes of a photo, so both look alike to the classifier.
 */
public final class DigitNormalizer {

    public static final int SIDE = 28;
    static final int FIT = 20;
    private static final float CROP_THRESHOLD = 0.2f;

    private DigitNormalizer() {
    }

    /** Returns a 28x28 map (row-major), or null if the map holds no ink. */
    public static float[] normalize(float[][] ink) {
        int h = ink.length;
        int w = ink[0].length;
        int top = h, bottom = -1, left = w, right = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (ink[y][x] > CROP_THRESHOLD) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        if (bottom < 0) {
            return null;
        }
        int cropW = right - left + 1;
        int cropH = bottom - top + 1;
        double scale = (double) FIT / Math.max(cropW, cropH);
        int outW = Math.max(1, (int) Math.round(cropW * scale));
        int outH = Math.max(1, (int) Math.round(cropH * scale));
        float[][] scaled = resampleArea(ink, left, top, cropW, cropH, outW, outH);
        double mass = 0, mx = 0, my = 0;
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                mass += scaled[y][x];
                mx += scaled[y][x] * (x + 0.5);
                my += scaled[y][x] * (y + 0.5);
            }
        }
        int offsetX = (int) Math.round(SIDE / 2.0 - mx / mass);
        int offsetY = (int) Math.round(SIDE / 2.0 - my / mass);
        float[] out = new float[SIDE * SIDE];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                int tx = x + offsetX;
                int ty = y + offsetY;
                if (tx >= 0 && tx < SIDE && ty >= 0 && ty < SIDE) {
                    out[ty * SIDE + tx] = Math.min(1f, scaled[y][x]);
                }
            }
        }
        return out;
    }

    /** Area-averaging resample of a source rectangle to outW x outH (each output pixel = mean of what it covers). */
    static float[][] resampleArea(float[][] src, int x0, int y0, int w, int h, int outW, int outH) {
        float[][] out = new float[outH][outW];
        double sx = (double) w / outW;
        double sy = (double) h / outH;
        for (int oy = 0; oy < outH; oy++) {
            double ya = oy * sy;
            double yb = ya + sy;
            for (int ox = 0; ox < outW; ox++) {
                double xa = ox * sx;
                double xb = xa + sx;
                double sum = 0, area = 0;
                for (int y = (int) Math.floor(ya); y < Math.ceil(yb) && y < h; y++) {
                    double wy = Math.min(yb, y + 1) - Math.max(ya, y);
                    if (wy <= 0) {
                        continue;
                    }
                    for (int x = (int) Math.floor(xa); x < Math.ceil(xb) && x < w; x++) {
                        double wx = Math.min(xb, x + 1) - Math.max(xa, x);
                        if (wx <= 0) {
                            continue;
                        }
                        sum += src[y0 + y][x0 + x] * wx * wy;
                        area += wx * wy;
                    }
                }
                out[oy][ox] = area > 0 ? (float) (sum / area) : 0f;
            }
        }
        return out;
    }
}
