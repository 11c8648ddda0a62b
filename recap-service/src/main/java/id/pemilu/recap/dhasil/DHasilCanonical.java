package id.pemilu.recap.dhasil;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

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
            row(out, r);
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

    /** The rows as stored: their canonical lines ({@code row|code|name|...}), one per row. */
    static String rowsText(List<DHasil.Row> rows) {
        StringBuilder out = new StringBuilder(rows.size() * 160);
        rows.forEach(r -> row(out, r));
        return out.toString();
    }

    /** The rows of {@link #rowsText}; a line that is not a row of eight fields is refused. */
    static List<DHasil.Row> parseRows(String text) {
        List<DHasil.Row> rows = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int end = text.indexOf('\n', from);
            if (end < 0) {
                end = text.length();
            }
            List<String> f = fields(text, from, end);
            if (f.size() != 9 || !"row".equals(f.get(0))) {
                throw new IllegalStateException("Baris D.Hasil tersimpan tidak sah: " + text.substring(from, end));
            }
            rows.add(new DHasil.Row(f.get(1), f.get(2), f.get(3), f.get(4), Long.parseLong(f.get(5)), f.get(6),
                    f.get(7), f.get(8) == null ? "" : f.get(8)));
            from = end + 1;
        }
        return List.copyOf(rows);
    }

    private static void row(StringBuilder out, DHasil.Row r) {
        line(out, "row", r.code(), r.name(), r.group(), r.source(), Long.toString(r.sourceVersion()), r.status(),
                r.decision(), r.values());
    }

    /** Splits one line on unescaped {@code |} and undoes {@link #escape}. */
    private static List<String> fields(String text, int from, int end) {
        List<String> out = new ArrayList<>(9);
        StringBuilder field = new StringBuilder();
        boolean escaped = false;
        for (int i = from; i <= end; i++) {
            if (i == end || text.charAt(i) == '|') {
                String f = field.toString();
                out.add(!escaped && f.equals("-") ? null : f);
                field.setLength(0);
                escaped = false;
                continue;
            }
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < end) {
                char n = text.charAt(++i);
                escaped = true;
                field.append(switch (n) {
                    case 'p' -> '|';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n; // \\ and \-
                });
            } else {
                field.append(c);
            }
        }
        return out;
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
