package id.pemilu.ocr.form;

import java.util.regex.Pattern;

/** What the QR code of a C.Hasil page carries: {@code KPU-CHASIL|<ballotType>|<tpsCode>|<page>}. */
public record QrPayload(String ballotType, String tpsCode, int page) {

    public static final String PREFIX = "KPU-CHASIL";
    private static final Pattern TPS_CODE = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}\\.\\d{3}");

    public QrPayload {
        if (ballotType == null || !ballotType.matches("[A-Z_]{3,20}")) {
            throw new IllegalArgumentException("jenis surat suara tidak valid");
        }
        if (tpsCode == null || !TPS_CODE.matcher(tpsCode).matches()) {
            throw new IllegalArgumentException("kode TPS harus berbentuk PP.RR.DD.VVVV.NNN, mis. 31.71.01.1001.001");
        }
        if (page < 1 || page > 99) {
            throw new IllegalArgumentException("nomor halaman tidak valid");
        }
    }

    public String encode() {
        return PREFIX + "|" + ballotType + "|" + tpsCode + "|" + page;
    }

    /** Parses a decoded QR text; throws IllegalArgumentException if it is not a C.Hasil code. */
    public static QrPayload decode(String text) {
        String[] parts = text == null ? new String[0] : text.split("\\|");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            throw new IllegalArgumentException("kode QR bukan kode formulir C.Hasil");
        }
        try {
            return new QrPayload(parts[1], parts[2], Integer.parseInt(parts[3]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("kode QR bukan kode formulir C.Hasil");
        }
    }
}
