package id.pemilu.desk.report;

import java.time.Instant;

/** What progress, totals and exports need of one quick report (held in memory by {@link ReportIndex}). */
public record IndexedReport(String tpsCode, Contest contest, String status, long version, QuickNumbers numbers,
                            String reportedBy, Instant reportedAt, Instant updatedAt, int corrections) {

    public boolean counted() {
        return QuickReport.REPORTED.equals(status);
    }

    static IndexedReport of(QuickReport r) {
        return new IndexedReport(r.tpsCode(), Contest.valueOf(r.contest()), r.status(), r.version(),
                r.current().numbers(), r.first().by(), r.first().at(), r.updatedAt(), r.history().size() - 1);
    }
}
