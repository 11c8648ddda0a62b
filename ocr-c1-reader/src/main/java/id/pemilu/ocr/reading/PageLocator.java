package id.pemilu.ocr.reading;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import id.pemilu.ocr.form.FormRenderer;
import id.pemilu.ocr.form.FormTemplate;
import id.pemilu.ocr.form.FormTemplates;
import id.pemilu.ocr.form.QrPayload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the page in a photo: decodes the QR code (which also tells the page's orientation, upside down included),
 * predicts the four corner markers from the QR's finder patterns, finds each marker near its prediction and fits
 * the perspective map from the template to the photo.
 */
public final class PageLocator {

    static final String NO_QR = "foto ulang: kode QR formulir tidak terbaca";
    static final String NO_MARKERS = "foto ulang: penanda sudut tidak ditemukan";

    private final FormTemplates templates;
    private final MarkerFirstLocator markerFirst;

    public PageLocator(FormTemplates templates) {
        this.templates = templates;
        FormTemplate first = templates.all().get(0);
        boolean oneLayout = templates.all().stream().allMatch(t -> t.markers().equals(first.markers())
                && t.qr().equals(first.qr()) && t.width() == first.width() && t.height() == first.height());
        // reading the code through the markers needs to know where the code is before knowing the form
        this.markerFirst = oneLayout ? new MarkerFirstLocator(first) : null;
    }

    public LocatedPage locate(GrayImage image) {
        Result qr;
        try {
            qr = decodeQr(image);
        } catch (UnreadablePhoto noQr) {
            // a code too small and blurred for the decoder's own search: find the markers first, read it through them
            if (markerFirst == null) {
                throw noQr;
            }
            MarkerFirstLocator.Located byMarkers = markerFirst.locate(image).orElseThrow(() -> noQr);
            QrPayload payload = payload(byMarkers.qrText());
            template(payload);
            return new LocatedPage(payload, byMarkers.templateToImage());
        }
        QrPayload payload = payload(qr.getText());
        try {
            return locateFromQr(image, qr, payload);
        } catch (UnreadablePhoto noMarkers) {
            if (markerFirst == null || !NO_MARKERS.equals(noMarkers.getMessage())) {
                throw noMarkers;
            }
            // a marker the QR-guided search missed: the marker-first search must find the page with the same code
            return markerFirst.locate(image).filter(m -> m.qrText().equals(qr.getText()))
                    .map(m -> new LocatedPage(payload, m.templateToImage())).orElseThrow(() -> noMarkers);
        }
    }

    private static QrPayload payload(String text) {
        try {
            return QrPayload.decode(text);
        } catch (IllegalArgumentException e) {
            throw new UnreadablePhoto("formulir salah: kode QR bukan kode formulir C.Hasil KPU");
        }
    }

    private FormTemplate template(QrPayload payload) {
        try {
            return templates.get(payload.ballotType());
        } catch (IllegalArgumentException e) {
            throw new UnreadablePhoto("formulir salah: jenis surat suara " + payload.ballotType() + " tidak dikenal");
        }
    }

    private LocatedPage locateFromQr(GrayImage image, Result qr, QrPayload payload) {
        FormTemplate template = template(payload);
        ResultPoint[] points = qr.getResultPoints();
        if (points == null || points.length < 3) {
            throw new UnreadablePhoto(NO_QR);
        }
        double module = template.qr().size() / FormRenderer.QR_MODULES;
        double near = template.qr().x() + 3.5 * module;
        double farX = template.qr().x() + (FormRenderer.QR_MODULES - 3.5) * module;
        double top = template.qr().y() + 3.5 * module;
        double farY = template.qr().y() + (FormRenderer.QR_MODULES - 3.5) * module;
        double[][] templatePoints = {{near, farY}, {near, top}, {farX, top}};
        double[][] imagePoints = new double[3][];
        for (int i = 0; i < 3; i++) {
            imagePoints[i] = new double[] {points[i].getX(), points[i].getY()};
        }
        double[] affine = affine(templatePoints, imagePoints);
        double scale = Math.sqrt(Math.abs(affine[0] * affine[4] - affine[1] * affine[3]));
        double[][] found = new double[4][];
        double[][] expected = new double[4][];
        for (int i = 0; i < 4; i++) {
            FormTemplate.Marker marker = template.markers().get(i);
            expected[i] = new double[] {marker.x(), marker.y()};
            double px = affine[0] * marker.x() + affine[1] * marker.y() + affine[2];
            double py = affine[3] * marker.x() + affine[4] * marker.y() + affine[5];
            found[i] = findMarker(image, px, py, marker.size() * scale, template.height() * scale);
        }
        if (Arrays.stream(found).anyMatch(Objects::isNull)) {
            findMissingMarkers(image, template, scale, templatePoints, imagePoints, expected, found);
        }
        Homography homography;
        try {
            homography = Homography.fromPoints(expected, found);
        } catch (IllegalArgumentException e) {
            throw new UnreadablePhoto(NO_MARKERS);
        }
        for (int i = 0; i < 3; i++) {
            double[] mapped = homography.map(templatePoints[i][0], templatePoints[i][1]);
            if (Math.hypot(mapped[0] - imagePoints[i][0], mapped[1] - imagePoints[i][1]) > 12 * module * scale) {
                throw new UnreadablePhoto(NO_MARKERS);
            }
        }
        return new LocatedPage(payload, homography);
    }

    /**
     * Second look for markers not found near the QR code's prediction (strong perspective takes the far corners away
     * from it): predicts them again from the QR code and the markers already found, by least squares.
     */
    private static void findMissingMarkers(GrayImage image, FormTemplate template, double scale,
                                           double[][] qrTemplate, double[][] qrImage, double[][] expected,
                                           double[][] found) {
        List<double[]> from = new ArrayList<>(Arrays.asList(qrTemplate));
        List<double[]> to = new ArrayList<>(Arrays.asList(qrImage));
        for (int i = 0; i < 4; i++) {
            if (found[i] != null) {
                from.add(expected[i]);
                to.add(found[i]);
            }
        }
        if (from.size() < 5) {
            throw new UnreadablePhoto(NO_MARKERS);
        }
        double[] affine = leastSquaresAffine(from, to);
        for (int i = 0; i < 4; i++) {
            if (found[i] == null) {
                FormTemplate.Marker marker = template.markers().get(i);
                double px = affine[0] * marker.x() + affine[1] * marker.y() + affine[2];
                double py = affine[3] * marker.x() + affine[4] * marker.y() + affine[5];
                found[i] = findMarker(image, px, py, marker.size() * scale, template.height() * scale);
                if (found[i] == null) {
                    throw new UnreadablePhoto(NO_MARKERS);
                }
            }
        }
    }

    /** The affine map (row-major 2x3) that best takes each {@code from} point to its {@code to} (least squares). */
    static double[] leastSquaresAffine(List<double[]> from, List<double[]> to) {
        double[][] normal = new double[3][3];
        double[][] rhs = new double[2][3];
        for (int k = 0; k < from.size(); k++) {
            double[] v = {from.get(k)[0], from.get(k)[1], 1};
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    normal[r][c] += v[r] * v[c];
                }
                rhs[0][r] += v[r] * to.get(k)[0];
                rhs[1][r] += v[r] * to.get(k)[1];
            }
        }
        double det = det3(normal);
        if (Math.abs(det) < 1e-9) {
            throw new UnreadablePhoto(NO_MARKERS);
        }
        double[] out = new double[6];
        for (int row = 0; row < 2; row++) {
            for (int col = 0; col < 3; col++) {
                double[][] replaced = {normal[0].clone(), normal[1].clone(), normal[2].clone()};
                for (int r = 0; r < 3; r++) {
                    replaced[r][col] = rhs[row][r];
                }
                out[row * 3 + col] = det3(replaced) / det;
            }
        }
        return out;
    }

    /** Tries a half-size copy first on large photos (faster, the QR is big enough there), then full size, then sharpened. */
    static Result decodeQr(GrayImage image) {
        QRCodeReader reader = new QRCodeReader();
        Map<DecodeHintType, Object> hints = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        List<GrayImage> attempts = new ArrayList<>();
        if (Math.max(image.width(), image.height()) > 1600) {
            attempts.add(image.half());
        }
        attempts.add(image);
        attempts.add(image.sharpened(2.0));
        GrayImage doubled = null;
        for (int a = 0; a < attempts.size() + 2; a++) {
            GrayImage attempt;
            if (a < attempts.size()) {
                attempt = attempts.get(a);
            } else if (Math.max(image.width(), image.height()) > 2600) {
                break;
            } else {
                // last resort (made only when needed): twice the size, then also sharpened, for small blurred codes
                if (doubled == null) {
                    doubled = image.scaled(2);
                }
                attempt = a == attempts.size() ? doubled : doubled.sharpened(1.5);
            }
            GrayLuminanceSource source = new GrayLuminanceSource(attempt);
            for (boolean hybrid : new boolean[] {true, false}) {
                try {
                    BinaryBitmap bitmap = new BinaryBitmap(hybrid ? new HybridBinarizer(source)
                            : new GlobalHistogramBinarizer(source));
                    Result result = reader.decode(bitmap, hints);
                    if (attempt.width() != image.width()) {
                        double factor = (double) image.width() / attempt.width();
                        ResultPoint[] scaled = Arrays.stream(result.getResultPoints())
                                .map(p -> new ResultPoint((float) (p.getX() * factor), (float) (p.getY() * factor)))
                                .toArray(ResultPoint[]::new);
                        return new Result(result.getText(), result.getRawBytes(), scaled, result.getBarcodeFormat());
                    }
                    return result;
                } catch (ReaderException | RuntimeException e) {
                    reader.reset();
                }
            }
        }
        throw new UnreadablePhoto(NO_QR);
    }

    /** Solves the affine map (6 coefficients, row-major 2x3) taking three template points to three image points. */
    static double[] affine(double[][] from, double[][] to) {
        double[][] m = {{from[0][0], from[0][1], 1}, {from[1][0], from[1][1], 1}, {from[2][0], from[2][1], 1}};
        double det = det3(m);
        if (Math.abs(det) < 1e-9) {
            throw new UnreadablePhoto(NO_QR);
        }
        double[] out = new double[6];
        for (int row = 0; row < 2; row++) {
            double[] rhs = {to[0][row], to[1][row], to[2][row]};
            for (int col = 0; col < 3; col++) {
                double[][] replaced = {m[0].clone(), m[1].clone(), m[2].clone()};
                for (int r = 0; r < 3; r++) {
                    replaced[r][col] = rhs[r];
                }
                out[row * 3 + col] = det3(replaced) / det;
            }
        }
        return out;
    }

    private static double det3(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    /**
     * Looks for a filled dark square of about {@code side} pixels near (px, py); returns its centre or null.
     * Dark = below half of the local paper brightness; the candidate nearest the prediction wins.
     */
    static double[] findMarker(GrayImage image, double px, double py, double side, double pageHeight) {
        int radius = (int) Math.ceil(Math.max(side * 2.5, pageHeight * 0.15));
        int x0 = Math.max(0, (int) px - radius);
        int y0 = Math.max(0, (int) py - radius);
        int x1 = Math.min(image.width(), (int) px + radius);
        int y1 = Math.min(image.height(), (int) py + radius);
        int w = x1 - x0;
        int h = y1 - y0;
        if (w < side || h < side) {
            return null;
        }
        float[] window = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                window[y * w + x] = image.at(x0 + x, y0 + y);
            }
        }
        float[] sorted = window.clone();
        Arrays.sort(sorted);
        float paper = sorted[(int) (sorted.length * 0.9)];
        float threshold = paper * 0.5f;
        boolean[] dark = new boolean[w * h];
        for (int i = 0; i < dark.length; i++) {
            dark[i] = window[i] < threshold;
        }
        double[] found = darkSquare(dark, w, h, x0, y0, px, py, side);
        return found != null ? found : darkSquare(locallyDark(window, w, h, side), w, h, x0, y0, px, py, side);
    }

    /**
     * Second chance for a marker in uneven light: dark = below half of the paper brightness <em>around</em> the
     * pixel (brightest cell within about 1.5 marker sides), so a shadow or a light gradient across the window does
     * not merge the marker with shadowed paper.
     */
    static boolean[] locallyDark(float[] window, int w, int h, double side) {
        int cell = Math.max(3, (int) Math.round(side / 2));
        int gw = (w + cell - 1) / cell;
        int gh = (h + cell - 1) / cell;
        float[] cellMax = new float[gw * gh];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = (y / cell) * gw + x / cell;
                cellMax[c] = Math.max(cellMax[c], window[y * w + x]);
            }
        }
        int reach = 3;
        float[] local = new float[gw * gh];
        for (int gy = 0; gy < gh; gy++) {
            for (int gx = 0; gx < gw; gx++) {
                float m = 0;
                for (int dy = -reach; dy <= reach; dy++) {
                    for (int dx = -reach; dx <= reach; dx++) {
                        int cx = gx + dx;
                        int cy = gy + dy;
                        if (cx >= 0 && cy >= 0 && cx < gw && cy < gh) {
                            m = Math.max(m, cellMax[cy * gw + cx]);
                        }
                    }
                }
                local[gy * gw + gx] = m;
            }
        }
        boolean[] dark = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                dark[y * w + x] = window[y * w + x] < 0.5f * local[(y / cell) * gw + x / cell];
            }
        }
        return dark;
    }

    /** The centre of the dark, filled, square-ish component of about side x side pixels nearest (px, py). */
    private static double[] darkSquare(boolean[] dark, int w, int h, int x0, int y0, double px, double py,
                                       double side) {
        double expectedArea = side * side;
        double best = Double.MAX_VALUE;
        double[] bestCentre = null;
        for (DarkSquares.Blob blob : DarkSquares.find(dark, w, h, expectedArea * 0.35, expectedArea * 2.5)) {
            double cx = x0 + blob.x();
            double cy = y0 + blob.y();
            double distance = Math.hypot(cx - px, cy - py);
            if (distance < best) {
                best = distance;
                bestCentre = new double[] {cx, cy};
            }
        }
        return bestCentre;
    }
}
