package id.pemilu.ocr.reading;

import id.pemilu.ocr.form.QrPayload;

/** Where the page lies in the photo: the QR content and the map from template points to photo pixels. */
public record LocatedPage(QrPayload qr, Homography templateToImage) {
}
