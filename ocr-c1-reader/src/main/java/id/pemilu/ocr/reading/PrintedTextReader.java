package id.pemilu.ocr.reading;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sourceforge.tess4j.Tesseract;
import net.sourceforge.tess4j.TesseractException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tesseract (through Tess4J) for printed text and, in the benchmark, as the baseline for handwritten numbers.
 * One engine handle, used by one thread at a time. If the native library or the language data is missing, the
 * reader works without it and says so.
 */
public final class PrintedTextReader {

    private static final Logger log = LoggerFactory.getLogger(PrintedTextReader.class);
    static final String DEFAULT_TESSDATA = "/usr/share/tesseract-ocr/5/tessdata";

    private final Tesseract tesseract;

    private PrintedTextReader(Tesseract tesseract) {
        this.tesseract = tesseract;
    }

    public static PrintedTextReader create() {
        String dataPath = System.getenv().getOrDefault("TESSDATA_PREFIX", DEFAULT_TESSDATA);
        if (!Files.isRegularFile(Path.of(dataPath, "eng.traineddata"))) {
            log.warn("Tesseract language data not found in {}; printed text will not be cross-checked", dataPath);
            return new PrintedTextReader(null);
        }
        try {
            Tesseract tesseract = new Tesseract();
            tesseract.setDatapath(dataPath);
            tesseract.setLanguage("eng");
            tesseract.setPageSegMode(7);
            tesseract.setVariable("tessedit_char_whitelist", "0123456789.");
            tesseract.setVariable("debug_file", "/dev/null");
            return new PrintedTextReader(tesseract);
        } catch (RuntimeException | LinkageError e) {
            log.warn("Tesseract not available ({}); printed text will not be cross-checked", e.toString());
            return new PrintedTextReader(null);
        }
    }

    public boolean available() {
        return tesseract != null;
    }

    /** One line of digits and dots, or null if Tesseract is unavailable or failed. */
    public synchronized String readLine(BufferedImage image) {
        if (tesseract == null) {
            return null;
        }
        try {
            return tesseract.doOCR(image).trim().replaceAll("\\s+", "");
        } catch (TesseractException | RuntimeException | LinkageError e) {
            log.debug("Tesseract failed: {}", e.toString());
            return null;
        }
    }

    /** A single handwritten digit box as Tesseract sees it (page segmentation "single character"), or -1. */
    public synchronized int readDigit(BufferedImage image) {
        if (tesseract == null) {
            return -1;
        }
        try {
            tesseract.setPageSegMode(10);
            String text = tesseract.doOCR(image).trim();
            return text.length() >= 1 && Character.isDigit(text.charAt(0)) ? text.charAt(0) - '0' : -1;
        } catch (TesseractException | RuntimeException | LinkageError e) {
            return -1;
        } finally {
            tesseract.setPageSegMode(7);
        }
    }
}
