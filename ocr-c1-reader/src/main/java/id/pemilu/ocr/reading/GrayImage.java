package id.pemilu.ocr.reading;

import java.awt.image.BufferedImage;

/** A grey-level image (0 = black, 255 = white) as a flat float array, with bilinear sampling. */
public record GrayImage(int width, int height, float[] pixels) {

    public static GrayImage of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        float[] pixels = new float[w * h];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            pixels[i] = 0.299f * ((p >> 16) & 0xff) + 0.587f * ((p >> 8) & 0xff) + 0.114f * (p & 0xff);
        }
        return new GrayImage(w, h, pixels);
    }

    public float at(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return 255f;
        }
        return pixels[y * width + x];
    }

    /** Bilinear sample at pixel coordinates (pixel centres at integer + 0.5). */
    public float sample(double x, double y) {
        double fx = x - 0.5;
        double fy = y - 0.5;
        int x0 = (int) Math.floor(fx);
        int y0 = (int) Math.floor(fy);
        double ax = fx - x0;
        double ay = fy - y0;
        return (float) (at(x0, y0) * (1 - ax) * (1 - ay) + at(x0 + 1, y0) * ax * (1 - ay)
                + at(x0, y0 + 1) * (1 - ax) * ay + at(x0 + 1, y0 + 1) * ax * ay);
    }

    /** Half-size copy (2x2 mean). */
    public GrayImage half() {
        int w = width / 2;
        int h = height / 2;
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = 2 * y * width + 2 * x;
                out[y * w + x] = (pixels[i] + pixels[i + 1] + pixels[i + width] + pixels[i + width + 1]) / 4f;
            }
        }
        return new GrayImage(w, h, out);
    }

    /** Copy scaled by {@code factor} with bilinear interpolation (QR decoding of small, blurred codes). */
    public GrayImage scaled(double factor) {
        int w = Math.max(1, (int) Math.round(width * factor));
        int h = Math.max(1, (int) Math.round(height * factor));
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sx = Math.max(0.5, Math.min(width - 0.5, (x + 0.5) / factor));
                double sy = Math.max(0.5, Math.min(height - 0.5, (y + 0.5) / factor));
                out[y * w + x] = sample(sx, sy);
            }
        }
        return new GrayImage(w, h, out);
    }

    /** Unsharp mask (image + amount x (image - 5x5 box mean)): restores edges of a blurred photo for the QR decoder. */
    public GrayImage sharpened(double amount) {
        int r = 2;
        float[] rows = new float[pixels.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float sum = 0;
                for (int k = -r; k <= r; k++) {
                    sum += pixels[y * width + Math.max(0, Math.min(width - 1, x + k))];
                }
                rows[y * width + x] = sum / (2 * r + 1);
            }
        }
        float[] out = new float[pixels.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float sum = 0;
                for (int k = -r; k <= r; k++) {
                    sum += rows[Math.max(0, Math.min(height - 1, y + k)) * width + x];
                }
                float mean = sum / (2 * r + 1);
                float v = pixels[y * width + x];
                out[y * width + x] = (float) Math.max(0, Math.min(255, v + amount * (v - mean)));
            }
        }
        return new GrayImage(width, height, out);
    }

    public byte[] toLuminance() {
        byte[] out = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = (byte) Math.max(0, Math.min(255, Math.round(pixels[i])));
        }
        return out;
    }
}
