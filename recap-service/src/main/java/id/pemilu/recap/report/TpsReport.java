package id.pemilu.recap.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * All reports of one TPS for one reason, id {@code <tps>|<REASON>}: the open case (count, distinct reporters, a few
 * sample texts) and the cases closed earlier (who closed, why, how many reports they had). One document, written by
 * id, so a report and its count never disagree. Reports never touch results.
 */
@Document("tps_reports")
class TpsReport {

    static final int MAX_SAMPLES = 20;
    static final int MAX_REPORTER_KEYS = 5_000;

    @Id
    private String id;
    private String tpsCode;
    private ReportReason reason;
    private int count;
    private int reporters;
    private Set<String> reporterKeys = new LinkedHashSet<>();
    private List<Sample> samples = new ArrayList<>();
    private Instant firstAt;
    private Instant lastAt;
    private List<ClosedCase> closed = new ArrayList<>();
    @Version
    private Long revision;

    record Sample(String ballotType, String field, String text, Instant at) {
    }

    record ClosedCase(int count, int reporters, List<Sample> samples, Instant firstAt, Instant lastAt,
                      String closedBy, String closedRole, String closeReason, Instant closedAt) {
    }

    TpsReport() {
    }

    TpsReport(String tpsCode, ReportReason reason) {
        this.id = id(tpsCode, reason);
        this.tpsCode = tpsCode;
        this.reason = reason;
    }

    static String id(String tpsCode, ReportReason reason) {
        return tpsCode + "|" + reason.name();
    }

    /** Counts one report; returns whether it joined an already open case (deduplicated). */
    boolean add(String reporterKey, String ballotType, String field, String text, Instant at) {
        boolean joined = count > 0;
        count++;
        if (reporterKeys.size() < MAX_REPORTER_KEYS ? reporterKeys.add(reporterKey) : !reporterKeys.contains(reporterKey)) {
            reporters++;
        }
        boolean sameSample = samples.stream().anyMatch(s -> java.util.Objects.equals(s.text(), text)
                && java.util.Objects.equals(s.field(), field) && java.util.Objects.equals(s.ballotType(), ballotType));
        if ((text != null || field != null) && !sameSample && samples.size() < MAX_SAMPLES) {
            samples.add(new Sample(ballotType, field, text, at));
        }
        if (firstAt == null) {
            firstAt = at;
        }
        lastAt = at;
        return joined;
    }

    void close(String by, String role, String why, Instant at) {
        closed.add(new ClosedCase(count, reporters, List.copyOf(samples), firstAt, lastAt, by, role, why, at));
        count = 0;
        reporters = 0;
        reporterKeys = new LinkedHashSet<>();
        samples = new ArrayList<>();
        firstAt = null;
        lastAt = null;
    }

    boolean open() {
        return count > 0;
    }

    String getId() {
        return id;
    }

    String getTpsCode() {
        return tpsCode;
    }

    ReportReason getReason() {
        return reason;
    }

    int getCount() {
        return count;
    }

    int getReporters() {
        return reporters;
    }

    List<Sample> getSamples() {
        return samples;
    }

    Instant getFirstAt() {
        return firstAt;
    }

    Instant getLastAt() {
        return lastAt;
    }

    List<ClosedCase> getClosed() {
        return closed;
    }
}
