package id.pemilu.recap.translog;

/**
 * A log entry waiting in its document for a place in the log: its id, what it is about ({@code subject}, e.g.
 * {@code tps|31.71.01.1001.001|PPWP}, used for the "latest entry of" shortcut) and its exact bytes (UTF-8 JSON).
 */
public record PendingEntry(String entryId, String subject, String data) {
}
