package id.pemilu.ocr.reading;

import com.sun.jna.Pointer;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessPageSegMode;
import net.sourceforge.tess4j.TessAPI1;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tesseract (through Tess4J's direct API) for printed text and, in the benchmark, as the baseline for handwritten
 * digits. One engine handle, initialised once and used by one thread at a time. If the native library or the
 * language data is missing, the reader works without it and says so.
 */
public final class PrintedTextReader {

    private static final Logger log = LoggerFactory.getLogger(PrintedTextReader.class);
    static final String DEFAULT_TESSDATA = "/usr/share/tesseract-ocr/5/tessdata";

    private final TessBaseAPI handle;

    private PrintedTextReader(TessBaseAPI handle) {
        this.handle = handle;
    }

    public static PrintedTextReader create() {
        String dataPath = System.getenv().getOrDefault("TESSDATA_PREFIX", DEFAULT_TESSDATA);
        if (!Files.isRegularFile(Path.of(dataPath, "eng.traineddata"))) {
            log.warn("Tesseract language data not found in {}; printed text will not be cross-checked", dataPath);
            return new PrintedTextReader(null);
        }
        try {
            TessBaseAPI handle = TessAPI1.TessBaseAPICreate();
            if (TessAPI1.TessBaseAPIInit3(handle, dataPath, "eng") != 0) {
                TessAPI1.TessBaseAPIDelete(handle);
                log.warn("Tesseract could not load eng from {}", dataPath);
                return new PrintedTextReader(null);
            }
            TessAPI1.TessBaseAPISetVariable(handle, "tessedit_char_whitelist", "0123456789.");
            TessAPI1.TessBaseAPISetVariable(handle, "debug_file", "/dev/null");
            return new PrintedTextReader(handle);
        } catch (RuntimeException | LinkageError e) {
            log.warn("Tesseract not available ({}); printed text will not be cross-checked", e.toString());
            return new PrintedTextReader(null);
        }
    }

    /** No printed-text cross-check (tools that only need the digits). */
    public static PrintedTextReader none() {
        return new PrintedTextReader(null);
    }

    public boolean available() {
        return handle != null;
    }

    /** One line of digits and dots, or null if Tesseract is unavailable or failed. */
    public synchronized String readLine(BufferedImage image) {
        String text = recognise(image, TessPageSegMode.PSM_SINGLE_LINE);
        return text == null ? null : text.replaceAll("\\s+", "");
    }

    /** A single handwritten digit box as Tesseract sees it (page segmentation "single character"), or -1. */
    public synchronized int readDigit(BufferedImage image) {
        String text = recognise(image, TessPageSegMode.PSM_SINGLE_CHAR);
        return text != null && !text.isEmpty() && Character.isDigit(text.charAt(0)) ? text.charAt(0) - '0' : -1;
    }

    private String recognise(BufferedImage image, int pageSegMode) {
        if (handle == null) {
            return null;
        }
        try {
            int w = image.getWidth();
            int h = image.getHeight();
            ByteBuffer pixels = ByteBuffer.allocateDirect(w * h);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = image.getRGB(x, y);
                    pixels.put((byte) ((((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3));
                }
            }
            pixels.flip();
            TessAPI1.TessBaseAPISetPageSegMode(handle, pageSegMode);
            TessAPI1.TessBaseAPISetImage(handle, pixels, w, h, 1, w);
            Pointer text = TessAPI1.TessBaseAPIGetUTF8Text(handle);
            if (text == null) {
                return null;
            }
            try {
                return text.getString(0).trim();
            } finally {
                TessAPI1.TessDeleteText(text);
                TessAPI1.TessBaseAPIClear(handle);
            }
        } catch (RuntimeException | LinkageError e) {
            log.debug("Tesseract failed: {}", e.toString());
            return null;
        }
    }
}
