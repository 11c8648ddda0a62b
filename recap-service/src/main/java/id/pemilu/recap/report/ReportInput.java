package id.pemilu.recap.report;

import id.pemilu.common.ballot.BallotType;

/**
 * What a citizen sends with "laporkan TPS ini": a reason, optionally the ballot, the field of the form
 * ({@code votes.candidate.2}) and a short text. {@link #validated()} refuses anything malformed with a reason in
 * Bahasa Indonesia (400 problem).
 */
record ReportInput(String reason, String ballotType, String field, String text) {

    static final int MAX_TEXT = 500;
    private static final java.util.regex.Pattern FIELD = java.util.regex.Pattern.compile("[a-z]+(\\.[a-z0-9]+){0,5}");

    record Valid(ReportReason reason, BallotType ballotType, String field, String text) {
    }

    Valid validated() {
        ReportReason why = ReportReason.parse(reason);
        BallotType type = ballotType == null || ballotType.isBlank() ? null : BallotType.parse(ballotType);
        String key = field == null || field.isBlank() ? null : field.strip();
        if (key != null && (key.length() > 60 || !FIELD.matcher(key).matches())) {
            throw new IllegalArgumentException("Kolom formulir tidak dikenal: gunakan kunci seperti votes.candidate.1 "
                    + "atau dpt.men.");
        }
        String clean = text == null || text.isBlank() ? null : text.strip();
        if (clean != null) {
            if (clean.codePointCount(0, clean.length()) > MAX_TEXT) {
                throw new IllegalArgumentException("Keterangan terlalu panjang: paling banyak " + MAX_TEXT
                        + " karakter.");
            }
            int bad = clean.codePoints().filter(ReportInput::forbidden).findFirst().orElse(-1);
            if (bad >= 0) {
                throw new IllegalArgumentException(String.format("Keterangan memuat karakter kendali atau pengarah "
                        + "teks (U+%04X) yang tidak diizinkan; tulis keterangan sebagai teks biasa satu baris.", bad));
            }
        }
        if (why == ReportReason.OTHER && clean == null) {
            throw new IllegalArgumentException("Untuk alasan OTHER (lainnya), tuliskan keterangan singkat.");
        }
        return new Valid(why, type, key, clean);
    }

    /** Control characters (line breaks included) and the Unicode bidirectional controls that can disguise text. */
    static boolean forbidden(int cp) {
        return Character.getType(cp) == Character.CONTROL
                || cp == 0x061C || cp == 0x200E || cp == 0x200F
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0xFEFF || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2028 || cp == 0x2029;
    }
}
