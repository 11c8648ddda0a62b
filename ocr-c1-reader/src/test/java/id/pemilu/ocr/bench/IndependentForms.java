package id.pemilu.ocr.bench;

import id.pemilu.ocr.digit.MnistFile;
import id.pemilu.ocr.form.FormRenderer;
import id.pemilu.ocr.form.FormTemplate;
import id.pemilu.ocr.reading.Homography;
import id.pemilu.ocr.synth.PhotoSimulator;
import id.pemilu.ocr.synth.VoteGenerator;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A second, independent generator of photographed C.Hasil forms, written apart from the own synthesiser
 * ({@code id.pemilu.ocr.synth}) and never used to train the networks or to choose any rule: only the benchmark
 * ({@link IndependentBenchmark}) reads its photos. Its own choices throughout:
 * <ul>
 *   <li>writing: the MNIST digit scaled up to photo pixels first, then the pen applied there (a disk of 0.25-1.3 mm:
 *   thin ballpoint to felt marker, by erosion/dilation in photo pixels), digit height from half the box to touching
 *   its top and bottom, width to the box's sides, slant and a small rotation, placed off-centre, ink blue, black, grey
 *   or a pale pen, one stroke in eight with a faded stretch; 30 % of officers write leading zeros;</li>
 *   <li>photo: 1,200-4,000 px on the long side, perspective from four independently moved corners, rotation,
 *   lighting gradient, a hard-edged polygon shadow, Gaussian and motion blur, sensor noise, JPEG quality 35-95;</li>
 *   <li>officers who mis-add one sum (a total written off by 1-12) or strike out one digit with an X or a zig-zag and
 *   write the right digit over it, smaller, in another pen.</li>
 * </ul>
 * Digits are MNIST training images 50,000..59,999 (held out from training and tuning; never the MNIST test set).
 */
final class IndependentForms {

    /** One kind of photo at a time, or all mixed. */
    enum Kind { MIXED, CLEAN, PERSPECTIVE, BLUR, MOTION, SHADOW, LOW_RES, HIGH_RES, JPEG }

    enum Officer { CAREFUL, MIS_ADDED, CROSSED_OUT }

    record Form(Map<String, Integer> truth, byte[] jpeg, String marked, int longSide) {
    }

    private static final double[] SCALES = {1.5, 2.25, 3.25, 4.5};
    private final MnistFile mnist;
    private final List<List<Integer>> byLabel = new ArrayList<>();
    private final Map<String, BufferedImage> blanks = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, BufferedImage> eldest) {
                    return size() > 8;
                }
            });

    IndependentForms() throws java.io.IOException {
        mnist = MnistFile.load(MnistFile.defaultDirectory());
        for (int d = 0; d < 10; d++) {
            byLabel.add(new ArrayList<>());
        }
        for (int i = MnistFile.FIRST_HELD_OUT; i < mnist.count(); i++) {
            byLabel.get(mnist.label(i)).add(i);
        }
    }

    Form make(FormTemplate template, String tps, long seed, Kind kind, Officer officer) {
        Random r = new Random(new java.util.SplittableRandom(seed).nextLong());
        Map<String, Integer> truth = new LinkedHashMap<>(VoteGenerator.generate(template, new Random(r.nextLong())));
        String marked = null;
        if (officer == Officer.MIS_ADDED) {
            FormTemplate.Rule rule = template.rules().get(r.nextInt(template.rules().size()));
            int value = truth.get(rule.equals());
            int delta = 1 + r.nextInt(12);
            delta = value - delta < 0 || r.nextBoolean() && value + delta <= 999 ? delta : -delta;
            truth.put(rule.equals(), value + delta);
            marked = rule.equals();
        } else if (officer == Officer.CROSSED_OUT) {
            List<String> keys = new ArrayList<>(truth.keySet());
            marked = keys.get(r.nextInt(keys.size()));
        }
        int longSide = switch (kind) {
            case LOW_RES -> 1200 + r.nextInt(401);
            case HIGH_RES -> 3200 + r.nextInt(801);
            case CLEAN -> 2000 + r.nextInt(801);
            default -> 1200 + r.nextInt(2801);
        };
        // the page covers 80-92 % of the photo's long side
        double needed = longSide * (0.80 + 0.12 * r.nextDouble()) / template.height();
        double scale = SCALES[SCALES.length - 1];
        for (double s : SCALES) {
            if (s >= needed) {
                scale = s;
                break;
            }
        }
        BufferedImage page = copy(blank(template, tps, scale));
        boolean zeros = r.nextDouble() < 0.3;
        write(page, scale, template, truth, zeros, marked, officer == Officer.CROSSED_OUT, r);
        BufferedImage photo = photograph(page, needed / scale, kind, r);
        boolean all = kind == Kind.MIXED;
        float quality = kind == Kind.JPEG ? 0.35f + 0.15f * r.nextFloat() : kind == Kind.CLEAN ? 0.92f
                : all ? 0.35f + 0.6f * r.nextFloat() : 0.8f;
        return new Form(truth, PhotoSimulator.jpeg(photo, quality), marked, Math.max(photo.getWidth(),
                photo.getHeight()));
    }

    // ---------------------------------------------------------------- writing

    private void write(BufferedImage page, double scale, FormTemplate template, Map<String, Integer> truth,
                       boolean zeros, String marked, boolean crossed, Random r) {
        int[][] inks = {{20, 40, 140}, {15, 15, 20}, {60, 60, 70}, {90, 110, 190}};
        int inkIndex = r.nextInt(inks.length);
        int[] ink = inks[inkIndex];
        double strength = inkIndex == 3 ? 0.55 + 0.3 * r.nextDouble() : 0.9 + 0.1 * r.nextDouble();
        double penMm = 0.25 + r.nextDouble() * 1.05;
        double size = 0.5 + r.nextDouble() * 0.5;
        double slant = (r.nextDouble() * 2 - 1) * 0.4;
        for (FormTemplate.Field field : template.fields()) {
            String text = String.valueOf(truth.get(field.key()));
            int n = field.boxes().size();
            if (zeros) {
                text = "0".repeat(Math.max(0, n - text.length())) + text;
            }
            int struck = crossed && field.key().equals(marked) ? r.nextInt(text.length()) : -1;
            for (int i = 0; i < text.length(); i++) {
                FormTemplate.Rect box = field.boxes().get(n - text.length() + i);
                int digit = text.charAt(i) - '0';
                if (i == struck) {
                    int wrong = (digit + 1 + r.nextInt(9)) % 10;
                    drawDigit(page, scale, box, wrong, ink, strength, penMm, size, slant, r);
                    cross(page, scale, box, ink, penMm, r);
                    int[] other = inks[(inkIndex + 1 + r.nextInt(inks.length - 1)) % inks.length];
                    drawDigit(page, scale, box, digit, other, 1.0, penMm, size * 0.75, slant, r);
                } else {
                    drawDigit(page, scale, box, digit, ink, strength, penMm, size, slant, r);
                }
            }
        }
    }

    private void drawDigit(BufferedImage page, double scale, FormTemplate.Rect box, int digit, int[] ink,
                           double strength, double penMm, double size, double slant, Random r) {
        List<Integer> choices = byLabel.get(digit);
        float[][] src = mnist.ink(choices.get(r.nextInt(choices.size())));
        // the digit's own ink bounds in the 28x28 image
        int top = 28, bottom = -1, left = 28, right = -1;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                if (src[y][x] > 0.3f) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        if (bottom < 0) {
            return;
        }
        double boxW = box.width() * scale;
        double boxH = box.height() * scale;
        double h = boxH * Math.min(1.0, size + (r.nextDouble() - 0.5) * 0.1);
        double px = h / (bottom - top + 1);
        double w = (right - left + 1) * px;
        if (w > boxW * 0.98) {
            px *= boxW * 0.98 / w;
            w = boxW * 0.98;
            h = (bottom - top + 1) * px;
        }
        double angle = Math.toRadians((r.nextDouble() * 2 - 1) * 8);
        // off-centre, at most to the box edge (a digit touching the border)
        double cx = box.x() * scale + boxW / 2 + (r.nextDouble() * 2 - 1) * Math.max(0, (boxW - w) / 2);
        double cy = box.y() * scale + boxH / 2 + (r.nextDouble() * 2 - 1) * Math.max(0, (boxH - h) / 2);
        double pen = Math.max(0, penMm / 25.4 * 72 * scale);
        // a pen of about 0.5 mm leaves MNIST's own stroke; thinner erodes, thicker dilates (in photo pixels)
        double grow = (pen - 0.5 / 25.4 * 72 * scale) / 2;
        int x0 = (int) Math.floor(cx - w), x1 = (int) Math.ceil(cx + w);
        int y0 = (int) Math.floor(cy - h), y1 = (int) Math.ceil(cy + h);
        int gw = x1 - x0, gh = y1 - y0;
        if (gw <= 0 || gh <= 0) {
            return;
        }
        float[] alpha = new float[gw * gh];
        double cos = Math.cos(angle), sin = Math.sin(angle);
        double mx = (left + right + 1) / 2.0, my = (top + bottom + 1) / 2.0;
        for (int y = 0; y < gh; y++) {
            for (int x = 0; x < gw; x++) {
                double dx = x0 + x + 0.5 - cx, dy = y0 + y + 0.5 - cy;
                double rx = cos * dx + sin * dy, ry = -sin * dx + cos * dy;
                rx -= slant * ry;
                double u = mx + rx / px - 0.5, v = my + ry / px - 0.5;
                alpha[y * gw + x] = (float) bilinear(src, u, v);
            }
        }
        int radius = (int) Math.round(Math.abs(grow));
        if (radius > 0) {
            alpha = morph(alpha, gw, gh, radius, grow > 0);
        }
        boolean fade = r.nextInt(8) == 0;
        double fadeAngle = r.nextDouble() * Math.PI, fadeAt = (r.nextDouble() - 0.5) * h * 0.6;
        double fadeWidth = h * (0.15 + 0.2 * r.nextDouble()), fadeLevel = 0.15 + 0.35 * r.nextDouble();
        for (int y = 0; y < gh; y++) {
            for (int x = 0; x < gw; x++) {
                double a = Math.min(1, alpha[y * gw + x] * 1.2) * strength;
                if (a <= 0.02) {
                    continue;
                }
                if (fade) {
                    double d = (x0 + x - cx) * Math.cos(fadeAngle) + (y0 + y - cy) * Math.sin(fadeAngle) - fadeAt;
                    if (Math.abs(d) < fadeWidth / 2) {
                        a *= fadeLevel;
                    }
                }
                blend(page, x0 + x, y0 + y, ink, a);
            }
        }
    }

    private static void cross(BufferedImage page, double scale, FormTemplate.Rect box, int[] ink, double penMm,
                              Random r) {
        java.awt.Graphics2D g = page.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new java.awt.Color(ink[0], ink[1], ink[2]));
        g.setStroke(new java.awt.BasicStroke((float) Math.max(1, penMm / 25.4 * 72 * scale)));
        double x = box.x() * scale, y = box.y() * scale, w = box.width() * scale, h = box.height() * scale;
        if (r.nextBoolean()) {
            g.draw(new java.awt.geom.Line2D.Double(x + w * 0.1, y + h * 0.1, x + w * 0.9, y + h * 0.9));
            g.draw(new java.awt.geom.Line2D.Double(x + w * 0.9, y + h * 0.1, x + w * 0.1, y + h * 0.9));
        } else {
            java.awt.geom.Path2D.Double zig = new java.awt.geom.Path2D.Double();
            zig.moveTo(x + w * 0.08, y + h * 0.3);
            for (int k = 1; k <= 6; k++) {
                zig.lineTo(x + w * (0.08 + 0.14 * k), y + h * (k % 2 == 1 ? 0.7 : 0.3));
            }
            g.draw(zig);
        }
        g.dispose();
    }

    private static float[] morph(float[] a, int w, int h, int radius, boolean dilate) {
        float[] out = new float[a.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = dilate ? 0f : 1f;
                for (int dy = -radius; dy <= radius; dy++) {
                    for (int dx = -radius; dx <= radius; dx++) {
                        if (dx * dx + dy * dy > radius * radius) {
                            continue;
                        }
                        int nx = x + dx, ny = y + dy;
                        float n = nx < 0 || ny < 0 || nx >= w || ny >= h ? 0f : a[ny * w + nx];
                        v = dilate ? Math.max(v, n) : Math.min(v, n);
                    }
                }
                out[y * w + x] = v;
            }
        }
        return out;
    }

    private static double bilinear(float[][] m, double x, double y) {
        int ix = (int) Math.floor(x), iy = (int) Math.floor(y);
        double fx = x - ix, fy = y - iy;
        return at(m, ix, iy) * (1 - fx) * (1 - fy) + at(m, ix + 1, iy) * fx * (1 - fy)
                + at(m, ix, iy + 1) * (1 - fx) * fy + at(m, ix + 1, iy + 1) * fx * fy;
    }

    private static float at(float[][] m, int x, int y) {
        return x < 0 || y < 0 || y >= m.length || x >= m[0].length ? 0f : m[y][x];
    }

    private static void blend(BufferedImage page, int x, int y, int[] ink, double a) {
        if (x < 0 || y < 0 || x >= page.getWidth() || y >= page.getHeight()) {
            return;
        }
        int rgb = page.getRGB(x, y);
        int red = (int) Math.round(((rgb >> 16) & 0xff) * (1 - a) + ink[0] * a);
        int green = (int) Math.round(((rgb >> 8) & 0xff) * (1 - a) + ink[1] * a);
        int blue = (int) Math.round((rgb & 0xff) * (1 - a) + ink[2] * a);
        page.setRGB(x, y, (red << 16) | (green << 8) | blue);
    }

    // ---------------------------------------------------------------- photo

    private BufferedImage photograph(BufferedImage page, double zoom, Kind kind, Random r) {
        boolean all = kind == Kind.MIXED;
        int pw = page.getWidth(), ph = page.getHeight();
        double jitter = kind == Kind.PERSPECTIVE ? 0.09 : all ? 0.06 * r.nextDouble() : kind == Kind.CLEAN ? 0 : 0.02;
        double angle = kind == Kind.CLEAN ? 0 : Math.toRadians((r.nextDouble() * 2 - 1) * (all ? 15 : 6));
        if (all && r.nextDouble() < 0.1) {
            angle += Math.PI;
        }
        double[][] corners = {{0, 0}, {pw, 0}, {pw, ph}, {0, ph}};
        double[][] placed = new double[4][2];
        double cos = Math.cos(angle), sin = Math.sin(angle);
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            double x = (corners[i][0] - pw / 2.0) * zoom * (1 + (r.nextDouble() * 2 - 1) * jitter);
            double y = (corners[i][1] - ph / 2.0) * zoom * (1 + (r.nextDouble() * 2 - 1) * jitter);
            placed[i][0] = cos * x - sin * y;
            placed[i][1] = sin * x + cos * y;
            minX = Math.min(minX, placed[i][0]);
            maxX = Math.max(maxX, placed[i][0]);
            minY = Math.min(minY, placed[i][1]);
            maxY = Math.max(maxY, placed[i][1]);
        }
        int margin = (int) (0.05 * Math.max(maxX - minX, maxY - minY));
        int width = (int) Math.ceil(maxX - minX) + 2 * margin;
        int height = (int) Math.ceil(maxY - minY) + 2 * margin;
        for (double[] p : placed) {
            p[0] += margin - minX;
            p[1] += margin - minY;
        }
        Homography toPage = Homography.fromPoints(placed, corners);
        int[] src = page.getRGB(0, 0, pw, ph, null, 0, pw);
        float[] red = new float[width * height], green = new float[width * height], blue = new float[width * height];
        int desk = 40 + r.nextInt(90);
        // area sampling: 2x2 samples per output pixel when the page is shrunk
        int samples = zoom < 0.75 ? 3 : 2;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double sr = 0, sg = 0, sb = 0;
                for (int sy = 0; sy < samples; sy++) {
                    for (int sx = 0; sx < samples; sx++) {
                        double[] p = toPage.map(x + (sx + 0.5) / samples, y + (sy + 0.5) / samples);
                        int c;
                        if (p[0] < 0 || p[1] < 0 || p[0] >= pw || p[1] >= ph) {
                            c = (desk << 16) | ((desk * 9 / 10) << 8) | (desk * 7 / 10);
                        } else {
                            c = src[(int) p[1] * pw + (int) p[0]];
                        }
                        sr += (c >> 16) & 0xff;
                        sg += (c >> 8) & 0xff;
                        sb += c & 0xff;
                    }
                }
                int n = samples * samples;
                red[y * width + x] = (float) (sr / n);
                green[y * width + x] = (float) (sg / n);
                blue[y * width + x] = (float) (sb / n);
            }
        }
        float[][] channels = {red, green, blue};
        double res = Math.max(width, height) / 2500.0;
        if (kind == Kind.SHADOW || all && r.nextDouble() < 0.6) {
            shade(channels, width, height, r, kind == Kind.SHADOW || r.nextBoolean());
        }
        if (kind == Kind.BLUR || all && r.nextDouble() < 0.5) {
            double sigma = (kind == Kind.BLUR ? 1.0 + r.nextDouble() : 0.3 + 1.5 * r.nextDouble()) * Math.max(0.6, res);
            for (float[] c : channels) {
                gaussian(c, width, height, sigma);
            }
        }
        if (kind == Kind.MOTION || all && r.nextDouble() < 0.3) {
            double length = (kind == Kind.MOTION ? 4 + r.nextDouble() * 6 : 2 + r.nextDouble() * 6)
                    * Math.max(0.6, res);
            double direction = r.nextDouble() * Math.PI;
            for (float[] c : channels) {
                motion(c, width, height, length, direction);
            }
        }
        double noise = kind == Kind.CLEAN ? 0 : all ? 1 + 7 * r.nextDouble() : 3;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double n = noise == 0 ? 0 : r.nextGaussian() * noise;
                int i = y * width + x;
                row[x] = (clamp(red[i] + n) << 16) | (clamp(green[i] + n) << 8) | clamp(blue[i] + n);
            }
            out.setRGB(0, y, width, 1, row, 0, width);
        }
        return out;
    }

    /** A light gradient across the photo and, optionally, a hard-edged shadow (a phone or a hand). */
    private static void shade(float[][] c, int w, int h, Random r, boolean shadow) {
        double gx = r.nextDouble() * 2 - 1, gy = r.nextDouble() * 2 - 1;
        double dim = 0.3 + 0.35 * r.nextDouble();
        double ax = r.nextDouble() * w, ay = r.nextDouble() * h;
        double nx = Math.cos(r.nextDouble() * 2 * Math.PI), ny = Math.sin(r.nextDouble() * 2 * Math.PI);
        double depth = 0.45 + 0.3 * r.nextDouble();
        double soft = 2 + 6 * r.nextDouble();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double t = 0.5 + 0.5 * (gx * (x - w / 2.0) / w + gy * (y - h / 2.0) / h);
                double f = 1 - dim * Math.max(0, Math.min(1, t));
                if (shadow) {
                    double d = ((x - ax) * nx + (y - ay) * ny) / soft;
                    f *= 1 - (1 - depth) / (1 + Math.exp(-d));
                }
                int i = y * w + x;
                c[0][i] *= f;
                c[1][i] *= f;
                c[2][i] *= f;
            }
        }
    }

    private static void gaussian(float[] c, int w, int h, double sigma) {
        int radius = (int) Math.ceil(2.5 * sigma);
        double[] k = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        float[] tmp = new float[c.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 0;
                for (int i = -radius; i <= radius; i++) {
                    v += c[y * w + Math.max(0, Math.min(w - 1, x + i))] * k[i + radius];
                }
                tmp[y * w + x] = (float) v;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 0;
                for (int i = -radius; i <= radius; i++) {
                    v += tmp[Math.max(0, Math.min(h - 1, y + i)) * w + x] * k[i + radius];
                }
                c[y * w + x] = (float) v;
            }
        }
    }

    /** Linear motion blur: the mean along a segment of {@code length} px in {@code direction}. */
    private static void motion(float[] c, int w, int h, double length, double direction) {
        int steps = Math.max(2, (int) Math.round(length));
        double dx = Math.cos(direction), dy = Math.sin(direction);
        float[] out = new float[c.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 0;
                for (int s = 0; s < steps; s++) {
                    double t = (s / (double) (steps - 1) - 0.5) * length;
                    int sx = Math.max(0, Math.min(w - 1, (int) Math.round(x + dx * t)));
                    int sy = Math.max(0, Math.min(h - 1, (int) Math.round(y + dy * t)));
                    v += c[sy * w + sx];
                }
                out[y * w + x] = (float) (v / steps);
            }
        }
        System.arraycopy(out, 0, c, 0, c.length);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private BufferedImage blank(FormTemplate template, String tps, double scale) {
        return blanks.computeIfAbsent(template.ballotType() + "|" + tps + "|" + scale,
                k -> FormRenderer.image(template, tps, (float) (72 * scale)));
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        copy.getGraphics().drawImage(image, 0, 0, null);
        return copy;
    }
}
