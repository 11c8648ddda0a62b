package id.pemilu.ocr.digit;

/**
 * Temperature scaling of the digit network: one number T, fitted on held-apart validation boxes by minimising the
 * negative log-likelihood of softmax(logits / T), so that a stated probability means what it says. Also the
 * reliability table (stated confidence against observed accuracy) the trainer prints.
 */
public final class Calibration {

    private Calibration() {
    }

    public static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Softmax of logits / temperature, in double precision. */
    public static double[] softmax(float[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v / temperature);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            p[i] = Math.exp(logits[i] / temperature - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** Mean negative log-likelihood of the true labels. */
    public static double nll(float[][] logits, int[] labels, double temperature) {
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            sum -= Math.log(Math.max(1e-300, softmax(logits[i], temperature)[labels[i]]));
        }
        return sum / labels.length;
    }

    /** The temperature in 0.25..5 with the lowest NLL (golden-section search; NLL is unimodal in T). */
    public static double fitTemperature(float[][] logits, int[] labels) {
        double a = 0.25;
        double b = 5;
        double phi = (Math.sqrt(5) - 1) / 2;
        double c = b - phi * (b - a);
        double d = a + phi * (b - a);
        double fc = nll(logits, labels, c);
        double fd = nll(logits, labels, d);
        for (int i = 0; i < 40; i++) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - phi * (b - a);
                fc = nll(logits, labels, c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + phi * (b - a);
                fd = nll(logits, labels, d);
            }
        }
        return (a + b) / 2;
    }

    /** Bins of the top probability: count, mean stated probability, observed accuracy, errors. */
    public static String reliability(float[][] logits, int[] labels, double temperature) {
        double[] edges = {0, 0.9, 0.99, 0.999, 0.9999, 0.99999, 1.0000001};
        int bins = edges.length - 1;
        long[] count = new long[bins];
        long[] right = new long[bins];
        double[] stated = new double[bins];
        for (int i = 0; i < labels.length; i++) {
            double[] p = softmax(logits[i], temperature);
            int best = 0;
            for (int k = 1; k < p.length; k++) {
                if (p[k] > p[best]) {
                    best = k;
                }
            }
            int bin = 0;
            while (bin < bins - 1 && p[best] >= edges[bin + 1]) {
                bin++;
            }
            count[bin]++;
            stated[bin] += p[best];
            right[bin] += best == labels[i] ? 1 : 0;
        }
        StringBuilder out = new StringBuilder(String.format("  %-18s %8s %12s %12s %7s%n", "top probability", "boxes",
                "stated", "observed", "wrong"));
        for (int bin = 0; bin < bins; bin++) {
            if (count[bin] == 0) {
                continue;
            }
            out.append(String.format(java.util.Locale.ROOT, "  [%.5f, %.5f) %8d %11.5f%% %11.5f%% %7d%n",
                    edges[bin], Math.min(1, edges[bin + 1]), count[bin], 100 * stated[bin] / count[bin],
                    100.0 * right[bin] / count[bin], count[bin] - right[bin]));
        }
        return out.toString();
    }
}
