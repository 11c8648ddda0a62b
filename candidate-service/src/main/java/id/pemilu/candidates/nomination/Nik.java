package id.pemilu.candidates.nomination;

import id.pemilu.common.nik.NikRules;

/**
 * A Nomor Induk Kependudukan: 16 digits (the rule's one home is common's {@link NikRules}). Never stored or shown
 * readable; only its keyed hash and last 4 digits.
 */
public record Nik(String value) {

    public Nik {
        if (value == null || !NikRules.wellFormed(value.trim())) {
            throw new IllegalArgumentException("NIK harus 16 angka.");
        }
        value = value.trim();
    }

    public String masked() {
        return "************" + value.substring(12);
    }

    @Override
    public String toString() {
        return masked();
    }
}
