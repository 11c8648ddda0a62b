package id.pemilu.recap.registry;

import id.pemilu.common.wilayah.RegionCode;
import java.util.List;
import java.util.regex.Pattern;

/** A polling station: the 13-character desa/kelurahan code plus a 3-digit TPS number, e.g. 31.71.01.1001.001. */
public record TpsCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}\\.\\d{3}");

    public TpsCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Kode TPS tidak sah: " + value
                    + " (format: kode desa + nomor TPS tiga digit, mis. 31.71.01.1001.001)");
        }
        if (value.endsWith(".000")) {
            throw new IllegalArgumentException("Nomor TPS dimulai dari 001: " + value);
        }
    }

    public static TpsCode of(String desaCode, int number) {
        String digits = Integer.toString(number);
        return new TpsCode(desaCode + (digits.length() >= 3 ? "." : digits.length() == 2 ? ".0" : ".00") + digits);
    }

    public String desaCode() {
        return value.substring(0, 13);
    }

    public int number() {
        return Integer.parseInt(value.substring(14));
    }

    /** Codes of the regions the TPS belongs to, from the province down to the desa. */
    public String[] regionChain() {
        List<String> up = RegionCode.chainOf(desaCode()); // desa, kecamatan, kab/kota, provinsi, ID
        return new String[] {up.get(3), up.get(2), up.get(1), up.get(0)};
    }

    @Override
    public String toString() {
        return value;
    }
}
