package id.pemilu.desk.report;

import java.time.Instant;
import java.util.List;

/**
 * One step of a quick report's history: the first report ({@code laporan}) or a correction ({@code koreksi}),
 * with the numbers, the checks they failed, who sent it, when and why. Entries are only ever appended.
 */
public record ReportEntry(String kind, QuickNumbers numbers, List<Flag> flags, String status, String by, Instant at,
                          String reason, String idempotencyKey) {

    public static final String REPORT = "laporan";
    public static final String CORRECTION = "koreksi";

    public ReportEntry {
        flags = flags == null ? List.of() : List.copyOf(flags);
    }
}
