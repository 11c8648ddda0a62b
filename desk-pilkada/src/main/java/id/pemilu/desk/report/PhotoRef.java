package id.pemilu.desk.report;

import java.time.Instant;

/** A photo attached to a quick report (stored in {@code report_photos} by its SHA-256). */
public record PhotoRef(String sha256, String contentType, long size, String by, Instant at) {
}
