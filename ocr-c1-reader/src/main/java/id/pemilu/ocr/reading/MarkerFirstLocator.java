package id.pemilu.ocr.reading;

import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import id.pemilu.ocr.form.FormRenderer;
import id.pemilu.ocr.form.FormTemplate;
import id.pemilu.ocr.form.QrPayload;
import id.pemilu.ocr.reading.DarkSquares.Blob;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Second way to find the page, for photos whose QR code the decoder cannot find (small and blurred): first the four
 * corner markers, the largest filled dark squares of the page, then the QR code read module by module through the
 * perspective map the markers give. Sampling the 33 x 33 module centres where the template says they are, with the
 * code's own error correction, reads codes too blurred for the decoder's finder-pattern search. The code still has to
 * decode, so a page is never guessed: without it the photo is refused as before.
 */
final class MarkerFirstLocator {

    /** Longest side of the copy the markers are first searched in. */
    private static final int SEARCH_SIDE = 800;
    private static final int CANDIDATES = 10;

    private final FormTemplate layout;

    /** {@code layout}: the page layout every template shares (marker and QR positions, page size). */
    MarkerFirstLocator(FormTemplate layout) {
        this.layout = layout;
    }

    /** The located page and the QR text, or empty when no four markers with a readable code between them exist. */
    Optional<Located> locate(GrayImage image) {
        double factor = Math.min(1.0, (double) SEARCH_SIDE / Math.max(image.width(), image.height()));
        GrayImage small = factor < 1.0 ? image.scaled(factor) : image;
        List<Blob> blobs = squares(small);
        blobs.sort(Comparator.comparingDouble(Blob::area).reversed());
        List<Blob> top = blobs.subList(0, Math.min(CANDIDATES, blobs.size()));
        List<Blob[]> quads = new ArrayList<>();
        for (int a = 0; a < top.size(); a++) {
            for (int b = a + 1; b < top.size(); b++) {
                for (int c = b + 1; c < top.size(); c++) {
                    for (int d = c + 1; d < top.size(); d++) {
                        Blob[] quad = {top.get(a), top.get(b), top.get(c), top.get(d)};
                        if (plausible(quad)) {
                            quads.add(quad);
                        }
                    }
                }
            }
        }
        quads.sort(Comparator.comparingDouble(MarkerFirstLocator::spread).reversed());
        for (Blob[] quad : quads.subList(0, Math.min(3, quads.size()))) {
            double[][] corners = clockwise(quad, factor);
            for (int turn = 0; turn < 4; turn++) {
                double[][] assigned = new double[4][];
                for (int i = 0; i < 4; i++) {
                    assigned[i] = corners[(i + turn) % 4];
                }
                Optional<Located> found = tryCorners(image, assigned, factor);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    record Located(String qrText, Homography templateToImage) {
    }

    private Optional<Located> tryCorners(GrayImage image, double[][] rough, double factor) {
        double[][] expected = new double[4][];
        for (int i = 0; i < 4; i++) {
            FormTemplate.Marker m = layout.markers().get(i);
            expected[i] = new double[] {m.x(), m.y()};
        }
        Homography coarse;
        try {
            coarse = Homography.fromPoints(expected, rough);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        double scale = pageScale(coarse);
        double[][] refined = new double[4][];
        for (int i = 0; i < 4; i++) {
            FormTemplate.Marker m = layout.markers().get(i);
            double[] near = refine(image, rough[i], m.size() * scale, layout.height() * scale);
            refined[i] = near != null ? near : rough[i];
        }
        Homography fine;
        try {
            fine = Homography.fromPoints(expected, refined);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Optional<String> text = readQr(image, fine);
        return text.map(t -> new Located(t, fine));
    }

    private static double[] refine(GrayImage image, double[] at, double side, double pageHeight) {
        // the search window of the QR-guided search reaches 15 % of the page; here the marker is already near
        double[] found = PageLocator.findMarker(image, at[0], at[1], side, Math.min(pageHeight, side * 12));
        return found != null && Math.hypot(found[0] - at[0], found[1] - at[1]) < side ? found : null;
    }

    /** Pixels per template point around the page centre (for marker sizes). */
    private double pageScale(Homography h) {
        double cx = layout.width() / 2;
        double cy = layout.height() / 2;
        double[] o = h.map(cx, cy);
        double[] dx = h.map(cx + 10, cy);
        double[] dy = h.map(cx, cy + 10);
        return Math.sqrt(Math.abs((dx[0] - o[0]) * (dy[1] - o[1]) - (dx[1] - o[1]) * (dy[0] - o[0]))) / 10;
    }

    /** Samples every module centre through the map and decodes with the code's error correction. */
    Optional<String> readQr(GrayImage image, Homography h) {
        int n = (int) FormRenderer.QR_MODULES;
        double module = layout.qr().size() / n;
        float[] values = new float[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                float sum = 0;
                for (int sy = -1; sy <= 1; sy++) {
                    for (int sx = -1; sx <= 1; sx++) {
                        double[] p = h.map(layout.qr().x() + (c + 0.5 + sx * 0.2) * module,
                                layout.qr().y() + (r + 0.5 + sy * 0.2) * module);
                        sum += image.sample(p[0], p[1]);
                    }
                }
                values[r * n + c] = sum / 9;
            }
        }
        float threshold = otsu(values);
        BitMatrix bits = new BitMatrix(n);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                if (values[r * n + c] < threshold) {
                    bits.set(c, r);
                }
            }
        }
        try {
            return Optional.of(new Decoder().decode(bits).getText());
        } catch (ChecksumException | FormatException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static float otsu(float[] values) {
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        double total = 0;
        for (float v : sorted) {
            total += v;
        }
        double best = -1;
        float threshold = sorted[sorted.length / 2];
        double below = 0;
        for (int i = 1; i < sorted.length; i++) {
            below += sorted[i - 1];
            double w0 = i;
            double w1 = sorted.length - i;
            double m0 = below / w0;
            double m1 = (total - below) / w1;
            double between = w0 * w1 * (m0 - m1) * (m0 - m1);
            if (between > best) {
                best = between;
                threshold = (sorted[i - 1] + sorted[i]) / 2;
            }
        }
        return threshold;
    }

    /** The four corners in photo pixels, in clockwise order on screen starting anywhere. */
    private static double[][] clockwise(Blob[] quad, double factor) {
        double cx = 0;
        double cy = 0;
        for (Blob b : quad) {
            cx += b.x() / 4;
            cy += b.y() / 4;
        }
        double mx = cx;
        double my = cy;
        Blob[] sorted = quad.clone();
        Arrays.sort(sorted, Comparator.comparingDouble(b -> Math.atan2(b.y() - my, b.x() - mx)));
        double[][] out = new double[4][];
        for (int i = 0; i < 4; i++) {
            out[i] = new double[] {sorted[i].x() / factor, sorted[i].y() / factor};
        }
        return out;
    }

    /** Similar sizes, a convex quadrilateral whose sides are in roughly the page's proportions. */
    private boolean plausible(Blob[] quad) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (Blob b : quad) {
            min = Math.min(min, b.area());
            max = Math.max(max, b.area());
        }
        if (max > 3 * min) {
            return false;
        }
        double[][] c = clockwise(quad, 1);
        double[] sides = new double[4];
        for (int i = 0; i < 4; i++) {
            double[] p = c[i];
            double[] q = c[(i + 1) % 4];
            double[] r = c[(i + 2) % 4];
            sides[i] = Math.hypot(q[0] - p[0], q[1] - p[1]);
            double cross = (q[0] - p[0]) * (r[1] - q[1]) - (q[1] - p[1]) * (r[0] - q[0]);
            if (cross <= 0) {
                return false;
            }
        }
        double ratio = (layout.markers().get(1).x() - layout.markers().get(0).x())
                / (layout.markers().get(3).y() - layout.markers().get(0).y());
        double a = (sides[0] + sides[2]) / 2;
        double b = (sides[1] + sides[3]) / 2;
        double observed = Math.min(a, b) / Math.max(a, b);
        double side = Math.sqrt(max);
        return Math.abs(observed - ratio) < 0.25 && Math.min(a, b) > 10 * side;
    }

    /** Area of the quadrilateral (largest first: the page's markers are its outermost squares). */
    private static double spread(Blob[] quad) {
        double[][] c = clockwise(quad, 1);
        double area = 0;
        for (int i = 0; i < 4; i++) {
            double[] p = c[i];
            double[] q = c[(i + 1) % 4];
            area += p[0] * q[1] - q[0] * p[1];
        }
        return Math.abs(area) / 2;
    }

    /** Filled, square-ish dark components (dark against the local paper brightness), not touching the border. */
    static List<Blob> squares(GrayImage image) {
        int w = image.width();
        int h = image.height();
        double side = Math.max(6, Math.max(w, h) * 22.0 / 842 * 0.8);
        boolean[] dark = PageLocator.locallyDark(image.pixels(), w, h, side);
        return DarkSquares.find(dark, w, h, Math.pow(Math.max(w, h) * 0.008, 2), Double.MAX_VALUE);
    }
}
