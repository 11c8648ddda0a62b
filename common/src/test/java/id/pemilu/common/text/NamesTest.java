package id.pemilu.common.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void ordinaryNamesPassWithSpacesCollapsed() {
        assertThat(Names.check("  Siti   Nurhaliza ", "Nama", 200)).isEqualTo("Siti Nurhaliza");
        assertThat(Names.check("Ni Luh Putu Ayu Sri Dewi-Gitā O'Neil", "Nama", 200)).isNotBlank();
    }

    @Test
    void invisibleAndControlCharactersAreRefusedWithTheirCode() {
        assertThatThrownBy(() -> Names.check("Budi\u0000", "Nama", 200)).hasMessageContaining("U+0000");
        assertThatThrownBy(() -> Names.check("Budi\u202Eodnas", "Nama", 200)).hasMessageContaining("U+202E");
        assertThatThrownBy(() -> Names.check("Bu\u200Bdi", "Nama ketua", 200))
                .hasMessageStartingWith("Nama ketua mengandung karakter tak terlihat").hasMessageContaining("U+200B");
        assertThatThrownBy(() -> Names.check("Budi\nSantoso", "Nama", 200)).hasMessageContaining("U+000A");
    }

    @Test
    void aTooLongNameIsRefusedAsTooLongNotAsMissing() {
        assertThatThrownBy(() -> Names.check("a".repeat(1_048_576), "Nama pengurus", 200))
                .hasMessage("Nama pengurus terlalu panjang (paling banyak 200 huruf).");
        assertThatThrownBy(() -> Names.check(" ", "Nama pengurus", 200)).hasMessage("Nama pengurus wajib diisi.");
    }
}
