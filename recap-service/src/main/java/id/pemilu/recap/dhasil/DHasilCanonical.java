package id.pemilu.recap.dhasil;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The canonical encoding of a D.Hasil that its SHA-256 and Ed25519 signature cover: UTF-8 text, one record per line
 * ({@code \n}), fields separated by {@code |}; in free text {@code \} , {@code |} and line breaks are escaped as
 * {@code \\}, {@code \p}, {@code \n}; a missing value is {@code -}; times are epoch milliseconds. Line order: header,
 * keys, one {@code row} per child in stored order, {@code total}, then decisions, corrections, objections, events,
 * and who finalized it. Everything a reader sees in the document is in it; nothing else is.
 */
public final class DHasilCanonical {

    static final String FORMAT = "DHASIL/1";

    private DHasilCanonical() {
    }

    public static byte[] encode(DHasil d) {
        StringBuilder out = new StringBuilder(256 + d.getRows().size() * 160);
        line(out, FORMAT);
        line(out, "region", d.getRegionCode(), d.getRegionName(), d.getTier());
        line(out, "ballot", d.getBallotType());
        line(out, "version", Integer.toString(d.getVersion()));
        line(out, "previous", d.getPreviousSha256());
        line(out, "keys", String.join(",", d.getKeys()));
        for (DHasil.Row r : d.getRows()) {
            line(out, "row", r.code(), r.name(), r.group(), r.source(), Long.toString(r.sourceVersion()), r.status(),
                    r.decision(), r.values());
        }
        line(out, "total", d.getTotal());
        for (DHasil.Decision x : d.getDecisions()) {
            line(out, "decision", x.target(), x.decision(), x.reason(), x.by(), time(x.at()));
        }
        for (DHasil.Correction x : d.getCorrections()) {
            line(out, "correction", x.id(), x.target(), x.key(), Long.toString(x.before()), Long.toString(x.after()),
                    x.reason(), x.objectionId(), x.by(), time(x.at()));
        }
        for (DHasil.Objection x : d.getObjections()) {
            line(out, "objection", x.id(), x.target(), x.field(), x.filedBy(), x.represents(), x.claim(),
                    x.recordedBy(), time(x.recordedAt()), x.answer(), x.answerReason(), x.correctionId(),
                    x.answeredBy(), time(x.answeredAt()));
        }
        for (DHasil.Event x : d.getEvents()) {
            line(out, "event", x.id(), x.target(), x.description(), x.by(), time(x.at()));
        }
        line(out, "finalized", d.getFinalizedBy(), d.getFinalizedRole(), time(d.getFinalizedAt()));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Instant millis(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
    }

    private static String time(Instant at) {
        return at == null ? null : Long.toString(at.toEpochMilli());
    }

    private static void line(StringBuilder out, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append('|');
            }
            escape(out, fields[i]);
        }
        out.append('\n');
    }

    private static void escape(StringBuilder out, String text) {
        if (text == null) {
            out.append('-');
            return;
        }
        if (text.equals("-")) {
            out.append("\\-");
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '|' -> out.append("\\p");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
