package id.pemilu.ocr.reading;

import com.google.zxing.LuminanceSource;

/** Hands a grey image to ZXing. */
final class GrayLuminanceSource extends LuminanceSource {

    private final byte[] luminance;

    GrayLuminanceSource(GrayImage image) {
        super(image.width(), image.height());
        this.luminance = image.toLuminance();
    }

    @Override
    public byte[] getRow(int y, byte[] row) {
        byte[] out = row == null || row.length < getWidth() ? new byte[getWidth()] : row;
        System.arraycopy(luminance, y * getWidth(), out, 0, getWidth());
        return out;
    }

    @Override
    public byte[] getMatrix() {
        return luminance;
    }
}
