package id.pemilu.recap.photohash;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** What someone might do to one photo before sending it for another TPS: re-encode, resize, crop, rotate. */
public final class Variants {

    public record Variant(String name, UnaryOperator<BufferedImage> apply) {
    }

    private Variants() {
    }

    public static List<Variant> all() {
        List<Variant> list = new ArrayList<>();
        for (int q : new int[] {50, 70, 90}) {
            list.add(new Variant("jpeg q" + q, i -> reencode(i, q / 100f)));
        }
        for (int pct : new int[] {50, 75, 125, 150}) {
            list.add(new Variant("resize " + pct + "%", i -> reencode(resize(i, pct / 100.0), 0.85f)));
        }
        for (double pct : new double[] {2, 4}) {
            list.add(new Variant("crop " + (int) pct + "% top+left", i -> reencode(crop(i, pct / 100, 0, pct / 100, 0), 0.85f)));
            list.add(new Variant("crop " + (int) pct + "% all sides",
                    i -> reencode(crop(i, pct / 100, pct / 100, pct / 100, pct / 100), 0.85f)));
        }
        for (double deg : new double[] {-1, 0.5, 1}) {
            list.add(new Variant("rotate " + deg + "°", i -> reencode(rotate(i, deg), 0.85f)));
        }
        list.add(new Variant("resize 70% + crop 3% + q60",
                i -> reencode(crop(resize(i, 0.7), 0.03, 0.01, 0.02, 0.03), 0.6f)));
        return list;
    }

    public static BufferedImage reencode(BufferedImage image, float quality) {
        try {
            return ImageIO.read(new ByteArrayInputStream(jpeg(image, quality)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] jpeg(BufferedImage image, float quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
                writer.write(null, new IIOImage(rgb(image), null, null), param);
            } finally {
                writer.dispose();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BufferedImage resize(BufferedImage image, double factor) {
        int w = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(factor < 0.75 ? resize(image, Math.sqrt(factor)) : image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** Cuts the given share off each side. */
    public static BufferedImage crop(BufferedImage image, double top, double right, double bottom, double left) {
        int x = (int) Math.round(image.getWidth() * left);
        int y = (int) Math.round(image.getHeight() * top);
        int w = image.getWidth() - x - (int) Math.round(image.getWidth() * right);
        int h = image.getHeight() - y - (int) Math.round(image.getHeight() * bottom);
        return rgb(image.getSubimage(x, y, w, h));
    }

    /** Rotates around the centre, same frame size, uncovered corners white (as photo editors fill them). */
    public static BufferedImage rotate(BufferedImage image, double degrees) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), image.getWidth() / 2.0, image.getHeight() / 2.0);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    private static BufferedImage rgb(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }
}
