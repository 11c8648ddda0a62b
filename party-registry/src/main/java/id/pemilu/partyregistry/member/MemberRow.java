package id.pemilu.partyregistry.member;

import id.pemilu.common.text.Names;
import id.pemilu.common.wilayah.RegionLevel;
import id.pemilu.common.wilayah.Wilayah;
import id.pemilu.partyregistry.member.file.Column;
import id.pemilu.partyregistry.member.file.RawRow;
import id.pemilu.partyregistry.party.Gender;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * One member as listed by a party. The constructor refuses a row that cannot be a member entry at all (missing name,
 * unknown kab/kota, unreadable date); NIK problems are flags, not refusals, so that KPU sees them.
 */
public record MemberRow(String nik, String fullName, String gender, LocalDate birthDate, String ktaNumber,
                        String kabKotaCode) {

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("dd-MM-uuuu"), DateTimeFormatter.ofPattern("dd/MM/uuuu"),
            DateTimeFormatter.ofPattern("d/M/uuuu"));

    public MemberRow {
        if (nik == null || nik.isBlank()) {
            throw new IllegalArgumentException("NIK kosong.");
        }
        nik = nik.strip();
        if (fullName == null || fullName.isBlank()) {
            throw new IllegalArgumentException("Nama kosong.");
        }
        fullName = Names.check(fullName, "Nama", Names.PERSON_MAX);
        gender = Gender.normalize(gender);
        if (birthDate == null) {
            throw new IllegalArgumentException("Tanggal lahir kosong atau tidak terbaca.");
        }
        if (ktaNumber == null || ktaNumber.isBlank()) {
            throw new IllegalArgumentException("Nomor KTA kosong.");
        }
        kabKotaCode = kabKota(kabKotaCode);
    }

    static MemberRow of(RawRow raw) {
        return new MemberRow(raw.get(Column.NIK), raw.get(Column.NAME), raw.get(Column.GENDER),
                date(raw.get(Column.BIRTH_DATE)), raw.get(Column.KTA), raw.get(Column.KABKOTA));
    }

    static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text.strip(), format);
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        throw new IllegalArgumentException("Tanggal lahir '" + text + "' tidak terbaca (pakai YYYY-MM-DD).");
    }

    private static String kabKota(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("Kode kab/kota kosong.");
        }
        String c = code.strip();
        if (c.length() == 4 && c.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            c = c.substring(0, 2) + "." + c.substring(2);
        }
        String normalized = c;
        boolean known = normalized.length() == RegionLevel.KABKOTA.codeLength()
                && Wilayah.indonesia().find(normalized).isPresent();
        if (!known) {
            throw new IllegalArgumentException("Kode kab/kota tidak dikenal: " + code);
        }
        return normalized;
    }
}
