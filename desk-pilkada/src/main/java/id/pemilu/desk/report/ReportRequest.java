package id.pemilu.desk.report;

import java.util.List;

/**
 * A quick report or correction as a reporter's phone sends it: votes per candidate pair in ballot order, valid,
 * invalid and total votes; {@code reason} when a check fails (and always for a correction).
 */
public record ReportRequest(List<Integer> candidates, Integer valid, Integer invalid, Integer total, String reason) {
}
