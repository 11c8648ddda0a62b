package id.pemilu.recap.photohash;

import java.awt.image.BufferedImage;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A perceptual hash of a C.Hasil photo that survives re-encoding, resizing, a small crop and a slight rotation, yet
 * tells apart different forms printed from one template.
 *
 * <p>Steps: (1) the picture is reduced to greyscale by area averaging (at most {@value #WORK} pixels on its long
 * side); (2) it is cut to the extent of its ink (rows/columns with dark pixels), so margins cropped away or added by
 * a rotation do not move the content; (3) that extent is averaged into a grid of {@code GRID x GRID} cells;
 * (4) each cell loses the mean of its 3x3 neighbourhood (the printed template's slow shading cancels, handwriting in
 * a box stands out); (5) one bit per cell: brighter or darker than the median of all residuals. Every one of the
 * {@code GRID²} bits describes one place on the page, so two forms whose handwriting differs differ in many bits.
 * Distance = number of differing bits (Hamming). The threshold is chosen from {@code bench/phash.sh}.
 */
public final class PerceptualHash {

    /** Cells per side; the hash has GRID * GRID bits. */
    public static final int COLS = Integer.getInteger("phash.cols", 24);
    public static final int ROWS = Integer.getInteger("phash.rows", 34);
    /** Darkness levels below the paper white, one bit each (a thermometer code: distance = levels apart). */
    static final double[] LEVELS = levels();
    public static final int BITS = COLS * ROWS * LEVELS.length;
    static final int WORK = 640;
    /** Grey level below which a pixel counts as ink for the extent (0 = black, 255 = white). */
    private static final int INK = 150;
    /** A row/column belongs to the content when at least this share of it is ink. */
    private static final double INK_SHARE = 0.004;

    private static double[] levels() {
        String spec = System.getProperty("phash.levels", "12,28,50,80");
        return java.util.Arrays.stream(spec.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private PerceptualHash() {
    }

    /** The hash, or empty for a picture with too little structure to tell it from others (e.g. a blank frame). */
    public static Optional<long[]> of(BufferedImage image) {
        float[][] grey = grey(image);
        double[][] corners = PageCorners.find(grey);
        if (corners == null) {
            corners = inkExtent(grey);
        }
        if (corners == null) {
            return Optional.empty();
        }
        double[] cells = new double[COLS * ROWS];
        for (int y = 0; y < ROWS; y++) {
            for (int x = 0; x < COLS; x++) {
                cells[y * COLS + x] = sampleCell(grey, corners, x, y);
            }
        }
        double paper = percentile(cells, 0.9);
        double ink = percentile(cells, 0.02);
        if (paper - ink < 40) {
            return Optional.empty();
        }
        long[] bits = new long[(BITS + 63) / 64];
        for (int i = 0; i < cells.length; i++) {
            for (int l = 0; l < LEVELS.length; l++) {
                if (cells[i] < paper - LEVELS[l]) {
                    int bit = i * LEVELS.length + l;
                    bits[bit >> 6] |= 1L << (bit & 63);
                }
            }
        }
        return Optional.of(bits);
    }

    /** Mean grey of one cell of the page, by 4x4 points mapped bilinearly between the four page corners. */
    private static double sampleCell(float[][] grey, double[][] c, int cx, int cy) {
        double sum = 0;
        int n = 0;
        for (int sy = 0; sy < 4; sy++) {
            double v = (cy + (sy + 0.5) / 4) / ROWS;
            for (int sx = 0; sx < 4; sx++) {
                double u = (cx + (sx + 0.5) / 4) / COLS;
                double x = (1 - u) * (1 - v) * c[0][0] + u * (1 - v) * c[1][0] + (1 - u) * v * c[2][0] + u * v * c[3][0];
                double y = (1 - u) * (1 - v) * c[0][1] + u * (1 - v) * c[1][1] + (1 - u) * v * c[2][1] + u * v * c[3][1];
                sum += bilinear(grey, x, y);
                n++;
            }
        }
        return sum / n;
    }

    private static double bilinear(float[][] g, double x, double y) {
        int h = g.length;
        int w = g[0].length;
        x = Math.max(0, Math.min(w - 1.001, x));
        y = Math.max(0, Math.min(h - 1.001, y));
        int x0 = (int) x;
        int y0 = (int) y;
        double fx = x - x0;
        double fy = y - y0;
        return (1 - fx) * (1 - fy) * g[y0][x0] + fx * (1 - fy) * g[y0][x0 + 1] + (1 - fx) * fy * g[y0 + 1][x0]
                + fx * fy * g[y0 + 1][x0 + 1];
    }

    /** Without corner markers: the extent of the ink, as corners TL, TR, BL, BR. */
    private static double[][] inkExtent(float[][] grey) {
        int[] rows = extent(grey, true);
        int[] cols = extent(grey, false);
        if (rows == null || cols == null || rows[1] - rows[0] < 16 || cols[1] - cols[0] < 16) {
            return null;
        }
        return new double[][] {{cols[0], rows[0]}, {cols[1], rows[0]}, {cols[0], rows[1]}, {cols[1], rows[1]}};
    }

    private static double percentile(double[] values, double share) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
    }

    public static int distance(long[] a, long[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("hashes of different length");
        }
        int d = 0;
        for (int i = 0; i < a.length; i++) {
            d += Long.bitCount(a[i] ^ b[i]);
        }
        return d;
    }

    public static String hex(long[] hash) {
        StringBuilder s = new StringBuilder(hash.length * 16);
        for (long word : hash) {
            s.append(HexFormat.of().toHexDigits(word));
        }
        return s.toString();
    }

    public static long[] parse(String hex) {
        int words = (BITS + 63) / 64;
        if (hex == null || hex.length() != words * 16) {
            throw new IllegalArgumentException("hash harus " + words * 16 + " karakter heksadesimal");
        }
        long[] hash = new long[words];
        for (int i = 0; i < hash.length; i++) {
            hash[i] = HexFormat.fromHexDigitsToLong(hex, i * 16, i * 16 + 16);
        }
        return hash;
    }

    /** Greyscale by area averaging to at most WORK pixels on the long side; reads one source row at a time. */
    public static float[][] grey(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int factor = Math.max(1, (int) Math.ceil(Math.max(w, h) / (double) WORK));
        int ow = Math.max(1, w / factor);
        int oh = Math.max(1, h / factor);
        float[][] out = new float[oh][ow];
        int[] row = new int[w];
        for (int y = 0; y < oh * factor; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            float[] target = out[y / factor];
            for (int x = 0; x < ow * factor; x++) {
                int p = row[x];
                target[x / factor] += 0.299f * ((p >> 16) & 0xff) + 0.587f * ((p >> 8) & 0xff) + 0.114f * (p & 0xff);
            }
        }
        float n = factor * factor;
        for (float[] r : out) {
            for (int x = 0; x < ow; x++) {
                r[x] /= n;
            }
        }
        return out;
    }

    /** First and last row (or column) whose ink share reaches INK_SHARE; null when there is none. */
    private static int[] extent(float[][] grey, boolean rows) {
        int h = grey.length;
        int w = grey[0].length;
        int lines = rows ? h : w;
        int length = rows ? w : h;
        int first = -1;
        int last = -1;
        for (int i = 0; i < lines; i++) {
            int ink = 0;
            for (int j = 0; j < length; j++) {
                float v = rows ? grey[i][j] : grey[j][i];
                if (v < INK) {
                    ink++;
                }
            }
            if (ink >= Math.max(1, INK_SHARE * length)) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        return first < 0 ? null : new int[] {first, last};
    }

}
