package id.pemilu.ocr.reading;

/** The photo cannot be read; {@code getMessage()} is the reason for the KPPS officer, in Bahasa Indonesia. */
public class UnreadablePhoto extends RuntimeException {

    public UnreadablePhoto(String reason) {
        super(reason);
    }

    public UnreadablePhoto(String reason, Throwable cause) {
        super(reason, cause);
    }
}
