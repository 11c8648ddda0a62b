package id.pemilu.ocr.reading;

/** A plane-to-plane projective map (3x3 matrix, h33 = 1), solved exactly from four point pairs. */
public record Homography(double[] h) {

    public Homography {
        if (h.length != 9) {
            throw new IllegalArgumentException("homografi membutuhkan 9 koefisien");
        }
    }

    /** Map taking each {@code from[i]} = (x, y) to {@code to[i]}; four pairs, no three collinear. */
    public static Homography fromPoints(double[][] from, double[][] to) {
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = from[i][0], y = from[i][1], u = to[i][0], v = to[i][1];
            a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        double[] solution = solve(a);
        return new Homography(new double[] {solution[0], solution[1], solution[2], solution[3], solution[4],
                solution[5], solution[6], solution[7], 1});
    }

    public double[] map(double x, double y) {
        double w = h[6] * x + h[7] * y + h[8];
        return new double[] {(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w};
    }

    /** Gaussian elimination with partial pivoting on an 8x9 augmented matrix. */
    private static double[] solve(double[][] a) {
        int n = 8;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            if (Math.abs(a[pivot][col]) < 1e-12) {
                throw new IllegalArgumentException("titik acuan segaris; homografi tidak dapat dihitung");
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int row = 0; row < n; row++) {
                if (row != col) {
                    double factor = a[row][col] / a[col][col];
                    for (int k = col; k <= n; k++) {
                        a[row][k] -= factor * a[col][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a[i][n] / a[i][i];
        }
        return x;
    }
}
