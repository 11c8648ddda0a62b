package id.pemilu.partyregistry.member;

import java.time.LocalDate;

/** Builds NIKs the way Dukcapil does: kecamatan code, DDMMYY (day + 40 for women), 4-digit serial. */
public final class Niks {

    private Niks() {
    }

    public static String of(String kecamatanCode, LocalDate birthDate, String gender, int serial) {
        String region = kecamatanCode.replace(".", "");
        int day = birthDate.getDayOfMonth() + ("P".equals(gender) ? 40 : 0);
        return region + "%02d%02d%02d%04d".formatted(day, birthDate.getMonthValue(), birthDate.getYear() % 100,
                serial);
    }
}
