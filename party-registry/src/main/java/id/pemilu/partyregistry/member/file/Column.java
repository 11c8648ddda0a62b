package id.pemilu.partyregistry.member.file;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The columns of a member list, with the header spellings accepted for each (case and spaces ignored). */
public enum Column {
    NIK(Set.of("nik")),
    NAME(Set.of("nama", "name", "nama_lengkap", "full_name")),
    GENDER(Set.of("jenis_kelamin", "gender", "jk", "l/p")),
    BIRTH_DATE(Set.of("tanggal_lahir", "tgl_lahir", "birth_date", "date_of_birth")),
    KTA(Set.of("no_kta", "nomor_kta", "kta", "kta_number")),
    KABKOTA(Set.of("kabkota", "kab_kota", "kode_kabkota", "kab/kota", "kabupaten_kota"));

    private final Set<String> names;

    Column(Set<String> names) {
        this.names = names;
    }

    static String normalize(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replace('\uFEFF', ' ').strip().replaceAll("[\\s-]+", "_");
    }

    /** Position of each column in the header; refuses a header without every column. */
    public static int[] positions(List<String> header) {
        int[] positions = new int[values().length];
        List<String> missing = new ArrayList<>();
        for (Column column : values()) {
            positions[column.ordinal()] = -1;
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i) != null && column.names.contains(normalize(header.get(i)))) {
                    positions[column.ordinal()] = i;
                    break;
                }
            }
            if (positions[column.ordinal()] < 0) {
                missing.add(column.names.stream().sorted().findFirst().orElseThrow());
            }
        }
        if (!missing.isEmpty()) {
            throw new MalformedFileException("Kolom wajib tidak ada: " + String.join(", ", missing)
                    + ". Kolom yang diperlukan: nik, nama, jenis_kelamin, tanggal_lahir, no_kta, kabkota.");
        }
        return positions;
    }
}
