package id.pemilu.partyregistry.member;

import id.pemilu.common.nik.NikRules;
import id.pemilu.common.wilayah.Wilayah;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.Set;

/**
 * Checks a NIK against the person's data: 16 digits; digits 1–6 a real kab/kota + kecamatan code; digits 7–12 the
 * birth date DDMMYY (day + 40 for women) matching the given date of birth and gender; serial not 0000; age ≥ 17.
 */
public final class NikCheck {

    public static final int MINIMUM_AGE = 17;

    private final Wilayah wilayah;

    public NikCheck(Wilayah wilayah) {
        this.wilayah = wilayah;
    }

    /** The 16-digit rule, from its one home ({@link NikRules}). */
    public static boolean wellFormed(String nik) {
        return NikRules.wellFormed(nik);
    }

    /** Flags for one member; {@code gender} is L or P. */
    public Set<Flag> check(String nik, LocalDate birthDate, String gender, LocalDate today) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (!wellFormed(nik) || nik.endsWith("0000") || !realKecamatan(nik)) {
            flags.add(Flag.INVALID_NIK);
            addAge(flags, birthDate, today);
            return flags;
        }
        int day = Integer.parseInt(nik.substring(6, 8));
        int month = Integer.parseInt(nik.substring(8, 10));
        int yy = Integer.parseInt(nik.substring(10, 12));
        boolean woman = day > 40;
        int realDay = woman ? day - 40 : day;
        LocalDate nikDate = dateOrNull(yy, month, realDay, today);
        if (nikDate == null) {
            flags.add(Flag.INVALID_NIK);
        } else if (birthDate != null && (nikDate.getDayOfMonth() != birthDate.getDayOfMonth()
                || nikDate.getMonthValue() != birthDate.getMonthValue() || yy != birthDate.getYear() % 100)) {
            flags.add(Flag.DATA_MISMATCH);
        }
        if (gender != null && woman != "P".equals(gender)) {
            flags.add(Flag.DATA_MISMATCH);
        }
        addAge(flags, birthDate != null ? birthDate : nikDate, today);
        return flags;
    }

    private boolean realKecamatan(String nik) {
        String code = nik.substring(0, 2) + "." + nik.substring(2, 4) + "." + nik.substring(4, 6);
        return wilayah.find(code).isPresent();
    }

    private static void addAge(Set<Flag> flags, LocalDate birthDate, LocalDate today) {
        if (birthDate != null && Period.between(birthDate, today).getYears() < MINIMUM_AGE) {
            flags.add(Flag.UNDERAGE);
        }
    }

    /** Two-digit year: the latest century that does not put the birth date in the future. */
    private static LocalDate dateOrNull(int yy, int month, int day, LocalDate today) {
        try {
            LocalDate date = LocalDate.of(2000 + yy, month, day);
            return date.isAfter(today) ? LocalDate.of(1900 + yy, month, day) : date;
        } catch (DateTimeException e) {
            return null;
        }
    }
}
