package id.pemilu.candidates.dapil;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One electoral district as submitted by KPU: validated on construction (code, name, seat range of the body,
 * at least one region code).
 */
public record DapilDefinition(String code, String name, ElectoralBody body, String areaCode, int seats,
                              List<String> regionCodes) {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");

    public DapilDefinition {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("Kode dapil tidak sah: '" + code
                    + "' (huruf besar, angka dan tanda '-', 2-40 karakter, contoh DPR-31-1).");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Nama dapil " + code + " wajib diisi.");
        }
        if (body == null) {
            throw new IllegalArgumentException("Lembaga dapil " + code + " wajib diisi.");
        }
        if (areaCode == null || areaCode.isBlank()) {
            throw new IllegalArgumentException("Kode wilayah induk dapil " + code + " wajib diisi.");
        }
        if (seats < body.minSeats() || seats > body.maxSeats()) {
            throw new IllegalArgumentException("Dapil " + code + ": jumlah kursi " + seats + " di luar rentang "
                    + body.minSeats() + "-" + body.maxSeats() + " untuk " + body + ".");
        }
        if (regionCodes == null || regionCodes.isEmpty() || regionCodes.stream().anyMatch(r -> r == null || r.isBlank())) {
            throw new IllegalArgumentException("Dapil " + code + " harus mencakup paling sedikit satu wilayah, tanpa kode "
                    + "wilayah kosong.");
        }
        regionCodes = regionCodes.stream().map(String::trim).toList();
        name = name.trim();
    }
}
