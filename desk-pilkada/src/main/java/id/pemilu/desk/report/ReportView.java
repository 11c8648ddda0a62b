package id.pemilu.desk.report;

import java.time.Instant;
import java.util.List;

/** A quick report as the desk and its reporters see it (with full history; never shown to the public). */
public record ReportView(String label, String tpsCode, String contest, String status, boolean counted,
                         QuickNumbers numbers, List<Flag> flags, String reportedBy, Instant reportedAt,
                         Instant updatedAt, long version, int corrections, List<ReportEntry> history,
                         List<PhotoRef> photos, boolean replay) {

    static ReportView of(QuickReport r, boolean replay) {
        return new ReportView(ReportService.LABEL, r.tpsCode(), r.contest(), r.status(), r.counted(),
                r.current().numbers(), r.current().flags(), r.first().by(), r.first().at(), r.updatedAt(),
                r.version(), r.history().size() - 1, r.history(), r.photos(), replay);
    }
}
