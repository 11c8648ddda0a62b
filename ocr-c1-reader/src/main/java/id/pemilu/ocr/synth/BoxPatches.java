package id.pemilu.ocr.synth;

import id.pemilu.ocr.digit.DigitNormalizer;
import id.pemilu.ocr.form.FormRenderer;
import id.pemilu.ocr.form.FormTemplate;
import id.pemilu.ocr.reading.BoxSampler;
import id.pemilu.ocr.reading.GrayImage;
import id.pemilu.ocr.reading.Homography;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Training boxes from small photographed pieces of a page (issue 19, fourth round): one field of a rendered blank
 * page is cut out, written by one officer's hand ({@link #WRITING}), photographed on its own (its own scale,
 * rotation, shear, light with a hard or soft shadow edge, Gaussian and motion blur, noise, JPEG) and its boxes are
 * sampled by the reader's {@link BoxSampler} through the piece's map, moved a little as the page locator's map is.
 * A whole photographed form costs ~2 s of CPU for ~125 boxes; a piece costs a few milliseconds, so the networks can
 * see many more boxes of broad writing. The choices here are the own synthesiser's; the independent generator
 * ({@code IndependentForms}, test sources) is not used.
 */
public final class BoxPatches {

    /**
     * Broad writing for pieces: digit height 40-100 % of the box, thin to felt pens, slant, rotation, placed anywhere
     * up to the box's edge, pale and grey pens, faded stretches and bands.
     */
    public static final Writing WRITING = new Writing(0.4, 1.0, -1, 3, 0.45, 0.3, 0.4, 0.25, 12);
    private static final int PIXELS = DigitNormalizer.SIDE * DigitNormalizer.SIDE;
    /** Pixels per PDF point of the rendered blank pages the pieces are cut from. */
    private static final double SCALE = 3.0;

    /**
     * How a piece is photographed. {@link #ORDINARY} is the fourth round's: a box 18-62 px high, Gaussian blur in
     * seven pieces of ten up to min(2.4 px, 6 % of the box), motion blur in a quarter up to 12 % of the box, noise up to
     * 13 grey levels. {@link #BLURRY} (issue 19, seventh round) is the photo a phone gives of a form at 1,200 px, out of
     * focus or shaken, in dim light: the box 16-48 px high, blur in nine pieces of ten up to min(3.2 px, 11 % of the
     * box), motion blur in two of five up to 20 % of the box, noise up to 16 grey levels. A blur sigma of 1.6 px is 9 %
     * of an 18-px box, beyond what the ordinary pieces reach on small boxes.
     *
     * @param boxMin      smallest box height in the photo, pixels
     * @param boxSpan     box height range above {@code boxMin}, pixels
     * @param sharpShare  share of pieces without Gaussian blur
     * @param blurMax     largest sigma, pixels
     * @param blurRelative largest sigma as a share of the box height
     * @param motionShare share of pieces with motion blur
     * @param motionRelative largest motion length as a share of the box height
     * @param noiseMax    largest noise, grey levels (above 1)
     */
    public record Photo(double boxMin, double boxSpan, double sharpShare, double blurMax, double blurRelative,
                        double motionShare, double motionRelative, double noiseMax) {
        public static final Photo ORDINARY = new Photo(18, 44, 0.3, 2.4, 0.06, 0.25, 0.12, 12);
        public static final Photo BLURRY = new Photo(16, 32, 0.1, 3.2, 0.11, 0.4, 0.2, 15);
    }

    private final List<FormTemplate> templates;
    private final List<BufferedImage> blanks = new ArrayList<>();
    private final HandwrittenDigits digits;
    private final Photo photoKind;

    public BoxPatches(List<FormTemplate> templates, HandwrittenDigits digits) {
        this(templates, digits, Photo.ORDINARY);
    }

    public BoxPatches(List<FormTemplate> templates, HandwrittenDigits digits, Photo photoKind) {
        this.templates = templates;
        this.digits = digits;
        this.photoKind = photoKind;
        for (FormTemplate template : templates) {
            blanks.add(FormRenderer.image(template, "31.71.02.2002.001", (float) (72 * SCALE)));
        }
    }

    /**
     * The written boxes of one photographed piece (a random field of a random template, a number 0-999, leading
     * zeros written by some officers): each row is the 28x28 input followed by the label; boxes the sampler finds
     * without ink are left out, as in {@code PhotoBoxes}.
     */
    public List<float[]> piece(Random random) {
        int t = random.nextInt(templates.size());
        FormTemplate template = templates.get(t);
        FormTemplate.Field field = template.fields().get(random.nextInt(template.fields().size()));
        List<FormTemplate.Rect> boxes = field.boxes();
        String text = String.valueOf(random.nextInt(1000));
        if (random.nextDouble() < 0.3) {
            text = "0".repeat(Math.max(0, boxes.size() - text.length())) + text;
        }
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (FormTemplate.Rect r : boxes) {
            minX = Math.min(minX, r.x());
            minY = Math.min(minY, r.y());
            maxX = Math.max(maxX, r.x() + r.width());
            maxY = Math.max(maxY, r.y() + r.height());
        }
        double margin = boxes.get(0).height() * 0.6;
        BufferedImage blank = blanks.get(t);
        int px0 = (int) Math.max(0, Math.floor((minX - margin) * SCALE));
        int py0 = (int) Math.max(0, Math.floor((minY - margin) * SCALE));
        int px1 = (int) Math.min(blank.getWidth(), Math.ceil((maxX + margin) * SCALE));
        int py1 = (int) Math.min(blank.getHeight(), Math.ceil((maxY + margin) * SCALE));
        int pw = px1 - px0, ph = py1 - py0;
        BufferedImage piece = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_RGB);
        piece.setRGB(0, 0, pw, ph, blank.getRGB(px0, py0, pw, ph, null, 0, pw), 0, pw);
        double originX = px0 / SCALE, originY = py0 / SCALE;
        FormFiller.writeField(piece, SCALE, originX, originY, boxes, text, digits, WRITING, random);

        // the photo of the piece: a box 18-62 px high (a 1,200-4,000 px photo after the reader's decoding), rotated,
        // sheared, corners moved a little
        double boxPx = photoKind.boxMin() + random.nextDouble() * photoKind.boxSpan();
        double zoom = boxPx / (boxes.get(0).height() * SCALE);
        double angle = Math.toRadians((random.nextDouble() * 2 - 1) * 15);
        double shear = (random.nextDouble() * 2 - 1) * 0.08;
        double[][] corners = {{0, 0}, {pw, 0}, {pw, ph}, {0, ph}};
        double[][] placed = new double[4][2];
        double cos = Math.cos(angle), sin = Math.sin(angle);
        double lo = Double.MAX_VALUE, top = Double.MAX_VALUE, hi = -Double.MAX_VALUE, bottom = -Double.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            double x = (corners[i][0] - pw / 2.0) * zoom * (1 + (random.nextDouble() * 2 - 1) * 0.04);
            double y = (corners[i][1] - ph / 2.0) * zoom * (1 + (random.nextDouble() * 2 - 1) * 0.04);
            x += shear * y;
            placed[i][0] = cos * x - sin * y;
            placed[i][1] = sin * x + cos * y;
            lo = Math.min(lo, placed[i][0]);
            hi = Math.max(hi, placed[i][0]);
            top = Math.min(top, placed[i][1]);
            bottom = Math.max(bottom, placed[i][1]);
        }
        int width = (int) Math.ceil(hi - lo) + 4, height = (int) Math.ceil(bottom - top) + 4;
        for (double[] p : placed) {
            p[0] += 2 - lo;
            p[1] += 2 - top;
        }
        Homography photoToPiece = Homography.fromPoints(placed, corners);
        BufferedImage photo = resample(piece, photoToPiece, width, height);
        light(photo, random);
        double sigma = random.nextDouble() < photoKind.sharpShare() ? 0
                : random.nextDouble() * Math.min(photoKind.blurMax(), photoKind.blurRelative() * boxPx);
        photo = PhotoSimulator.blur(photo, sigma);
        if (random.nextDouble() < photoKind.motionShare()) {
            photo = PhotoSimulator.motion(photo, 1 + random.nextDouble() * photoKind.motionRelative() * boxPx,
                    random.nextDouble() * Math.PI);
        }
        PhotoSimulator.noise(photo, 1 + random.nextDouble() * photoKind.noiseMax(), random);
        byte[] jpeg = PhotoSimulator.jpeg(photo, 0.35f + random.nextFloat() * 0.6f);
        GrayImage image = GrayImage.of(decode(jpeg));

        // template points -> photo, as the locator's map would put them: the true map, moved by up to 3 % of a box
        double[][] corners4 = {{minX, minY}, {maxX, minY}, {maxX, maxY}, {minX, maxY}};
        double[][] inPhoto = new double[4][];
        Homography pieceToPhoto = Homography.fromPoints(corners, placed);
        double wobble = 0.03 * boxPx;
        for (int i = 0; i < 4; i++) {
            double[] p = pieceToPhoto.map((corners4[i][0] - originX) * SCALE, (corners4[i][1] - originY) * SCALE);
            inPhoto[i] = new double[] {p[0] + (random.nextDouble() * 2 - 1) * wobble,
                    p[1] + (random.nextDouble() * 2 - 1) * wobble};
        }
        Homography toImage = Homography.fromPoints(corners4, inPhoto);
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            FormTemplate.Rect box = boxes.get(boxes.size() - text.length() + i);
            BoxSampler.BoxInk ink = BoxSampler.sample(image, toImage, box);
            if (!ink.inked()) {
                continue;
            }
            float[] input = DigitNormalizer.normalize(ink.ink());
            if (input == null) {
                continue;
            }
            float[] row = new float[PIXELS + 1];
            System.arraycopy(input, 0, row, 0, PIXELS);
            row[PIXELS] = text.charAt(i) - '0';
            out.add(row);
        }
        return out;
    }

    private static BufferedImage decode(byte[] jpeg) {
        try {
            return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The piece seen through the photo's map (bilinear), paper-white outside it. */
    private static BufferedImage resample(BufferedImage piece, Homography photoToPiece, int width, int height) {
        int pw = piece.getWidth(), ph = piece.getHeight();
        int[] src = piece.getRGB(0, 0, pw, ph, null, 0, pw);
        int[] dst = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double[] p = photoToPiece.map(x + 0.5, y + 0.5);
                double fx = p[0] - 0.5, fy = p[1] - 0.5;
                int x0 = (int) Math.floor(fx), y0 = (int) Math.floor(fy);
                double ax = fx - x0, ay = fy - y0;
                double r = 0, g = 0, b = 0;
                for (int k = 0; k < 4; k++) {
                    int sx = Math.max(0, Math.min(pw - 1, x0 + (k & 1)));
                    int sy = Math.max(0, Math.min(ph - 1, y0 + (k >> 1)));
                    double w = ((k & 1) == 1 ? ax : 1 - ax) * ((k >> 1) == 1 ? ay : 1 - ay);
                    int rgb = src[sy * pw + sx];
                    r += ((rgb >> 16) & 0xff) * w;
                    g += ((rgb >> 8) & 0xff) * w;
                    b += (rgb & 0xff) * w;
                }
                dst[y * width + x] = ((int) r << 16) | ((int) g << 8) | (int) b;
            }
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, width, height, dst, 0, width);
        return out;
    }

    /**
     * Light over the piece: an overall brightness of 45-100 %, a gradient across it, and in three pieces of ten a
     * shadow whose edge crosses the piece, hard (a hand, a phone: a third of them) or soft.
     */
    private static void light(BufferedImage image, Random random) {
        int w = image.getWidth(), h = image.getHeight();
        double level = 0.45 + random.nextDouble() * 0.55;
        double direction = random.nextDouble() * 2 * Math.PI;
        double gx = Math.cos(direction), gy = Math.sin(direction);
        double slope = random.nextDouble() * 0.15;
        boolean shadow = random.nextDouble() < 0.3;
        double sa = random.nextDouble() * 2 * Math.PI, sx = Math.cos(sa), sy = Math.sin(sa);
        double offset = (random.nextDouble() - 0.5) * Math.min(w, h);
        double depth = 0.55 + random.nextDouble() * 0.3;
        double soft = random.nextDouble() < 0.3 ? 0.5 : 2 + random.nextDouble() * 6;
        double diagonal = Math.hypot(w, h);
        int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double t = ((x - w / 2.0) * gx + (y - h / 2.0) * gy) / diagonal;
                double factor = level * (1 + slope * t);
                if (shadow) {
                    double s = ((x - w / 2.0) * sx + (y - h / 2.0) * sy - offset) / soft;
                    factor *= 1 - (1 - depth) / (1 + Math.exp(-s));
                }
                int rgb = pixels[y * w + x];
                int r = (int) Math.min(255, ((rgb >> 16) & 0xff) * factor);
                int g = (int) Math.min(255, ((rgb >> 8) & 0xff) * factor);
                int b = (int) Math.min(255, (rgb & 0xff) * factor);
                pixels[y * w + x] = (r << 16) | (g << 8) | b;
            }
        }
        image.setRGB(0, 0, w, h, pixels, 0, w);
    }
}
