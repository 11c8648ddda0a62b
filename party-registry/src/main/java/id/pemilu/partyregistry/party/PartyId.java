package id.pemilu.partyregistry.party;

import java.util.regex.Pattern;

/** Short lowercase party id such as {@code pnb}: 2–20 letters, digits or hyphens. */
public record PartyId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9-]{1,19}");

    public PartyId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "Id partai harus 2–20 huruf kecil, angka atau tanda hubung, misalnya 'pnb'.");
        }
    }
}
