package id.pemilu.recap.translog;

import java.util.List;

/**
 * Log entries kept in documents that are written once and never rewritten to remove them (TPS results, issue 22):
 * their owner hands them to the {@link LogSequencer}, which appends them and then says which are in the log (on disk).
 */
public interface HeldLogSource {

    /** Entries waiting now; with {@code sweep} also those a crash left behind (a source may scan less often). */
    List<Held> takeLog(boolean sweep);

    /** {@code done} are in the log and durable; {@code notDone} must be offered again. */
    void logged(List<Held> done, List<Held> notDone);

    /** The log entries of one document version; {@code key} and {@code version} are the source's own. */
    record Held(String key, long version, List<PendingEntry> entries) {
    }
}
