package id.pemilu.partyregistry.member;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.common.wilayah.Wilayah;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NikCheckTest {

    final NikCheck check = new NikCheck(Wilayah.indonesia());
    final LocalDate today = LocalDate.of(2026, 11, 28);
    final LocalDate born = LocalDate.of(1990, 5, 17);

    @Test
    void aRealNikMatchingTheDataHasNoFlags() {
        assertThat(check.check(Niks.of("31.71.01", born, "L", 1), born, "L", today)).isEmpty();
        assertThat(check.check(Niks.of("31.71.01", born, "P", 2), born, "P", today)).isEmpty();
    }

    @Test
    void wrongLengthLettersUnknownRegionImpossibleDateOrZeroSerialAreInvalid() {
        assertThat(check.check("317101170590000", born, "L", today)).containsExactly(Flag.INVALID_NIK);
        assertThat(check.check("31710117059000A1", born, "L", today)).containsExactly(Flag.INVALID_NIK);
        assertThat(check.check("9999991705900001", born, "L", today)).containsExactly(Flag.INVALID_NIK);
        assertThat(check.check("3171013205900001", born, "L", today)).contains(Flag.INVALID_NIK);
        assertThat(check.check("3171011705900000", born, "L", today)).containsExactly(Flag.INVALID_NIK);
    }

    @Test
    void birthDateOrGenderNotMatchingTheNikIsAMismatch() {
        String nik = Niks.of("31.71.01", born, "L", 3);
        assertThat(check.check(nik, born.plusDays(1), "L", today)).containsExactly(Flag.DATA_MISMATCH);
        assertThat(check.check(nik, born, "P", today)).containsExactly(Flag.DATA_MISMATCH);
        assertThat(check.check(nik, born.plusYears(1), "L", today)).containsExactly(Flag.DATA_MISMATCH);
    }

    @Test
    void someoneYoungerThanSeventeenIsUnderage() {
        LocalDate sixteen = today.minusYears(17).plusDays(1);
        assertThat(check.check(Niks.of("31.71.01", sixteen, "L", 4), sixteen, "L", today))
                .containsExactly(Flag.UNDERAGE);
        LocalDate seventeen = today.minusYears(17);
        assertThat(check.check(Niks.of("31.71.01", seventeen, "L", 5), seventeen, "L", today)).isEmpty();
    }
}
