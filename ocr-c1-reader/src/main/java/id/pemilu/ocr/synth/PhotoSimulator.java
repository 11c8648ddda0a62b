package id.pemilu.ocr.synth;

import id.pemilu.ocr.reading.Homography;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns a clean page into what a phone photo of it looks like: perspective, any rotation (upside down included),
 * uneven light, a shadow, blur, noise, low or high resolution and JPEG compression.
 */
public final class PhotoSimulator {

    /**
     * How hard the simulated photo is; CLEAN keeps the page as rendered (only JPEG at high quality). ALL mixes every
     * distortion; HARSH (the digit networks' training photos since issue 19) mixes them harder: blur up to sigma 2.2,
     * motion blur in a third of the photos, noise up to 11 grey levels, JPEG quality down to 0.35, 0.6-1.8x resolution.
     */
    public enum Distortion { CLEAN, PERSPECTIVE, ROTATION, UPSIDE_DOWN, BLUR, SHADOW, NOISE, LOW_RESOLUTION,
        HIGH_RESOLUTION, ALL, HARSH }

    private PhotoSimulator() {
    }

    /** The page's rendering scale for this photo (pixels per PDF point), chosen before the page is rendered. */
    public static double pageScale(Distortion distortion, Random random) {
        return switch (distortion) {
            case LOW_RESOLUTION -> 1.25;
            case HIGH_RESOLUTION -> 3.2;
            case CLEAN -> 2.0;
            default -> 2.0;
        };
    }

    public static byte[] photograph(BufferedImage page, Distortion distortion, Random random) {
        return photograph(page, zoom(distortion, random), distortion, random);
    }

    /** Output resolution relative to the rendered page: 0.7-1.4 for mixed photos, else 1. */
    public static double zoom(Distortion distortion, Random random) {
        return distortion == Distortion.ALL ? 0.7 + random.nextDouble() * 0.7
                : distortion == Distortion.HARSH ? 0.6 + random.nextDouble() * 1.2 : 1.0;
    }

    /** @param zoom output size relative to the page image (the page is rendered once at a fixed scale) */
    public static byte[] photograph(BufferedImage page, double zoom, Distortion distortion, Random random) {
        if (distortion == Distortion.HARSH) {
            return harsh(page, zoom, random);
        }
        boolean all = distortion == Distortion.ALL;
        double angle = 0;
        if (distortion == Distortion.ROTATION || (all && random.nextDouble() < 0.15)) {
            angle = (random.nextDouble() * 2 - 1) * Math.PI;
        } else if (distortion == Distortion.UPSIDE_DOWN || (all && random.nextDouble() < 0.12)) {
            angle = Math.PI + (random.nextDouble() * 2 - 1) * Math.toRadians(8);
        } else if (all || distortion == Distortion.PERSPECTIVE) {
            angle = (random.nextDouble() * 2 - 1) * Math.toRadians(10);
        }
        double skew = distortion == Distortion.PERSPECTIVE ? 0.07 : all ? 0.05 * random.nextDouble() : 0.0;
        BufferedImage photo = distortion == Distortion.CLEAN ? page : warp(page, zoom, angle, skew, random);
        if (distortion == Distortion.SHADOW || all) {
            light(photo, random, distortion == Distortion.SHADOW || random.nextDouble() < 0.5);
        }
        if (distortion == Distortion.BLUR || all) {
            double sigma = distortion == Distortion.BLUR ? 1.6 : random.nextDouble() * 1.3;
            photo = blur(photo, sigma);
        }
        if (distortion == Distortion.NOISE || all) {
            noise(photo, distortion == Distortion.NOISE ? 12 : 2 + random.nextDouble() * 6, random);
        }
        float quality = distortion == Distortion.CLEAN ? 0.92f : all ? 0.5f + random.nextFloat() * 0.4f : 0.75f;
        return jpeg(photo, quality);
    }

    private static byte[] harsh(BufferedImage page, double zoom, Random random) {
        double angle = random.nextDouble() < 0.15 ? Math.PI + (random.nextDouble() * 2 - 1) * Math.toRadians(8)
                : (random.nextDouble() * 2 - 1) * Math.toRadians(12);
        BufferedImage photo = warp(page, zoom, angle, 0.07 * random.nextDouble(), random);
        light(photo, random, random.nextDouble() < 0.6);
        double sigma = random.nextDouble() < 0.25 ? 0 : random.nextDouble() * 2.2;
        photo = blur(photo, sigma);
        if (random.nextDouble() < 0.33) {
            photo = motion(photo, 2 + random.nextDouble() * 6, random.nextDouble() * Math.PI);
        }
        noise(photo, 1 + random.nextDouble() * 10, random);
        return jpeg(photo, 0.35f + random.nextFloat() * 0.55f);
    }

    /** Camera shake: the mean of the image along a line of {@code length} pixels in {@code direction}. */
    static BufferedImage motion(BufferedImage image, double length, double direction) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] src = image.getRGB(0, 0, w, h, null, 0, w);
        int[] dst = new int[src.length];
        int steps = Math.max(2, (int) Math.ceil(length)) + 1;
        int[] ox = new int[steps];
        int[] oy = new int[steps];
        for (int s = 0; s < steps; s++) {
            double t = length * (s / (double) (steps - 1) - 0.5);
            ox[s] = (int) Math.round(t * Math.cos(direction));
            oy[s] = (int) Math.round(t * Math.sin(direction));
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 0, g = 0, b = 0;
                for (int s = 0; s < steps; s++) {
                    int rgb = src[Math.max(0, Math.min(h - 1, y + oy[s])) * w + Math.max(0, Math.min(w - 1, x + ox[s]))];
                    r += (rgb >> 16) & 0xff;
                    g += (rgb >> 8) & 0xff;
                    b += rgb & 0xff;
                }
                dst[y * w + x] = ((r / steps) << 16) | ((g / steps) << 8) | (b / steps);
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, dst, 0, w);
        return out;
    }

    /** Places the page in a larger frame (table around it), rotated by {@code angle}, corners moved by up to {@code skew}. */
    static BufferedImage warp(BufferedImage page, double zoom, double angle, double skew, Random random) {
        int pw = page.getWidth();
        int ph = page.getHeight();
        int[] source = page.getRGB(0, 0, pw, ph, null, 0, pw);
        double[][] corners = {{0, 0}, {pw, 0}, {pw, ph}, {0, ph}};
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double[][] placed = new double[4][2];
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            double x = (corners[i][0] - pw / 2.0 + (random.nextDouble() * 2 - 1) * skew * pw) * zoom;
            double y = (corners[i][1] - ph / 2.0 + (random.nextDouble() * 2 - 1) * skew * ph) * zoom;
            placed[i][0] = cos * x - sin * y;
            placed[i][1] = sin * x + cos * y;
            minX = Math.min(minX, placed[i][0]);
            maxX = Math.max(maxX, placed[i][0]);
            minY = Math.min(minY, placed[i][1]);
            maxY = Math.max(maxY, placed[i][1]);
        }
        double margin = 0.04 + random.nextDouble() * 0.08;
        int width = (int) Math.ceil((maxX - minX) * (1 + 2 * margin));
        int height = (int) Math.ceil((maxY - minY) * (1 + 2 * margin));
        for (int i = 0; i < 4; i++) {
            placed[i][0] += -minX + (maxX - minX) * margin;
            placed[i][1] += -minY + (maxY - minY) * margin;
        }
        Homography toPage = Homography.fromPoints(placed, corners);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int table = 70 + random.nextInt(60);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double[] p = toPage.map(x + 0.5, y + 0.5);
                if (p[0] < 0 || p[1] < 0 || p[0] >= pw - 1 || p[1] >= ph - 1) {
                    int t = Math.max(0, Math.min(255, table + ((x * 7 + y * 13) % 9) - 4));
                    row[x] = (t << 16) | ((t * 8 / 10) << 8) | (t * 6 / 10);
                } else {
                    row[x] = bilinear(source, pw, ph, p[0] - 0.5, p[1] - 0.5);
                }
            }
            out.setRGB(0, y, width, 1, row, 0, width);
        }
        return out;
    }

    private static int bilinear(int[] image, int w, int h, double x, double y) {
        int x0 = Math.max(0, (int) Math.floor(x));
        int y0 = Math.max(0, (int) Math.floor(y));
        int x1 = Math.min(w - 1, x0 + 1);
        int y1 = Math.min(h - 1, y0 + 1);
        double fx = Math.max(0, x - x0);
        double fy = Math.max(0, y - y0);
        int a = image[y0 * w + x0], b = image[y0 * w + x1], c = image[y1 * w + x0], d = image[y1 * w + x1];
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double v = ((a >> shift) & 0xff) * (1 - fx) * (1 - fy) + ((b >> shift) & 0xff) * fx * (1 - fy)
                    + ((c >> shift) & 0xff) * (1 - fx) * fy + ((d >> shift) & 0xff) * fx * fy;
            out |= ((int) Math.round(v) & 0xff) << shift;
        }
        return out;
    }

    /** Uneven light (a gradient from 55-100 % brightness) and optionally a soft-edged shadow across the page. */
    static void light(BufferedImage image, Random random, boolean shadow) {
        int w = image.getWidth();
        int h = image.getHeight();
        double direction = random.nextDouble() * 2 * Math.PI;
        double dx = Math.cos(direction), dy = Math.sin(direction);
        double darkest = 0.55 + random.nextDouble() * 0.3;
        double shadowAngle = random.nextDouble() * 2 * Math.PI;
        double sx = Math.cos(shadowAngle), sy = Math.sin(shadowAngle);
        double shadowOffset = (random.nextDouble() - 0.5) * 0.6 * Math.min(w, h);
        double shadowDepth = 0.6 + random.nextDouble() * 0.2;
        double soft = 0.02 * Math.min(w, h);
        double diagonal = Math.hypot(w, h);
        int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double t = ((x - w / 2.0) * dx + (y - h / 2.0) * dy) / diagonal + 0.5;
                double factor = darkest + (1 - darkest) * Math.max(0, Math.min(1, t));
                if (shadow) {
                    double s = ((x - w / 2.0) * sx + (y - h / 2.0) * sy - shadowOffset) / soft;
                    double inShadow = 1 / (1 + Math.exp(-s));
                    factor *= 1 - (1 - shadowDepth) * inShadow;
                }
                int rgb = pixels[y * w + x];
                int r = (int) (((rgb >> 16) & 0xff) * factor);
                int g = (int) (((rgb >> 8) & 0xff) * factor);
                int b = (int) ((rgb & 0xff) * factor);
                pixels[y * w + x] = (r << 16) | (g << 8) | b;
            }
        }
        image.setRGB(0, 0, w, h, pixels, 0, w);
    }

    /** Separable Gaussian blur. */
    static BufferedImage blur(BufferedImage image, double sigma) {
        if (sigma < 0.3) {
            return image;
        }
        int radius = (int) Math.ceil(sigma * 2.5);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] src = image.getRGB(0, 0, w, h, null, 0, w);
        int[] tmp = new int[src.length];
        convolve(src, tmp, w, h, kernel, radius, true);
        convolve(tmp, src, w, h, kernel, radius, false);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, src, 0, w);
        return out;
    }

    private static void convolve(int[] src, int[] dst, int w, int h, double[] kernel, int radius, boolean horizontal) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double r = 0, g = 0, b = 0;
                for (int k = -radius; k <= radius; k++) {
                    int sx = horizontal ? Math.max(0, Math.min(w - 1, x + k)) : x;
                    int sy = horizontal ? y : Math.max(0, Math.min(h - 1, y + k));
                    int rgb = src[sy * w + sx];
                    double weight = kernel[k + radius];
                    r += ((rgb >> 16) & 0xff) * weight;
                    g += ((rgb >> 8) & 0xff) * weight;
                    b += (rgb & 0xff) * weight;
                }
                dst[y * w + x] = ((int) Math.round(r) << 16) | ((int) Math.round(g) << 8) | (int) Math.round(b);
            }
        }
    }

    static void noise(BufferedImage image, double sigma, Random random) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < pixels.length; i++) {
            int n = (int) Math.round(random.nextGaussian() * sigma);
            int rgb = pixels[i];
            int r = clamp(((rgb >> 16) & 0xff) + n);
            int g = clamp(((rgb >> 8) & 0xff) + n);
            int b = clamp((rgb & 0xff) + n);
            pixels[i] = (r << 16) | (g << 8) | b;
        }
        image.setRGB(0, 0, w, h, pixels, 0, w);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    public static byte[] jpeg(BufferedImage image, float quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
