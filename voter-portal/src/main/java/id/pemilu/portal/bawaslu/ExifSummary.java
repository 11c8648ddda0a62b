package id.pemilu.portal.bawaslu;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the EXIF block of an original JPEG says, in a few lines for the oversight page: camera make and model, the
 * time the photo was taken, the software, whether GPS data is present, and the block's size. Reads the APP1 "Exif"
 * segment and its TIFF IFD0 (ASCII tags only) itself; anything unreadable is reported as such, never guessed.
 */
final class ExifSummary {

    private static final Map<Integer, String> TAGS = Map.of(0x010F, "Kamera (merek)", 0x0110, "Kamera (model)",
            0x0132, "Waktu (kamera)", 0x0131, "Perangkat lunak", 0x010E, "Keterangan gambar");

    private ExifSummary() {
    }

    /** Label → value lines; empty when the photo has no EXIF block. */
    static List<String[]> of(byte[] jpeg) {
        List<String[]> out = new ArrayList<>();
        if (jpeg == null || jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            return out;
        }
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            if (marker == 0xDA || length < 2) {
                break;
            }
            int start = at + 4;
            if (marker == 0xE1 && length >= 8 && start + 6 <= jpeg.length
                    && new String(jpeg, start, 4, StandardCharsets.US_ASCII).equals("Exif")) {
                out.add(new String[] {"Blok EXIF", (length - 2) + " byte"});
                readTiff(jpeg, start + 6, Math.min(jpeg.length, at + 2 + length), out);
                return out;
            }
            at += 2 + length;
        }
        return out;
    }

    private static void readTiff(byte[] jpeg, int tiff, int end, List<String[]> out) {
        try {
            ByteBuffer b = ByteBuffer.wrap(jpeg, 0, end);
            b.order(jpeg[tiff] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            int ifd = tiff + b.getInt(tiff + 4);
            int count = b.getShort(ifd) & 0xFFFF;
            Map<String, String> found = new LinkedHashMap<>();
            boolean gps = false;
            for (int i = 0; i < count && i < 200; i++) {
                int e = ifd + 2 + i * 12;
                int tag = b.getShort(e) & 0xFFFF;
                int type = b.getShort(e + 2) & 0xFFFF;
                int n = b.getInt(e + 4);
                if (tag == 0x8825) {
                    gps = true;
                }
                if (type == 2 && TAGS.containsKey(tag) && n > 0 && n < 256) {
                    int offset = n <= 4 ? e + 8 : tiff + b.getInt(e + 8);
                    if (offset + n <= end) {
                        String text = new String(jpeg, offset, n, StandardCharsets.US_ASCII).replace("\0", "").trim();
                        found.put(TAGS.get(tag), text);
                    }
                }
            }
            found.forEach((k, v) -> out.add(new String[] {k, v}));
            out.add(new String[] {"Data GPS", gps ? "ada (lokasi pemotretan tercatat)" : "tidak ada"});
        } catch (IndexOutOfBoundsException e) {
            out.add(new String[] {"Isi EXIF", "tidak terbaca (format tidak lazim)"});
        }
    }
}
