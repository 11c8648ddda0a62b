package id.pemilu.desk.report;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The quick report of one TPS for one contest: one document, id {@code <tps>|<contest>}, so a second first report
 * is refused by the store itself. {@code history} keeps the first report and every correction; the current numbers
 * are those of the last entry. {@code version} guards corrections against concurrent writers.
 */
@Document("quick_reports")
public record QuickReport(@Id String id, String tpsCode, String contest, String status, long version,
                          List<ReportEntry> history, List<PhotoRef> photos, Instant updatedAt) {

    public static final String REPORTED = "reported";
    public static final String FLAGGED = "flagged";

    public QuickReport {
        history = history == null ? List.of() : List.copyOf(history);
        photos = photos == null ? List.of() : List.copyOf(photos);
    }

    public static String idOf(String tpsCode, Contest contest) {
        return tpsCode + "|" + contest.name();
    }

    public ReportEntry first() {
        return history.get(0);
    }

    public ReportEntry current() {
        return history.get(history.size() - 1);
    }

    /** Only reports that pass every check count in the quick totals; flagged ones are summed apart. */
    public boolean counted() {
        return REPORTED.equals(status);
    }
}
