package id.pemilu.recap.translog;

import id.pemilu.common.outbox.OutboxAggregate;
import java.util.ArrayList;
import java.util.List;

/**
 * A document whose changes go into the transparency log. The entry describing a change is added to
 * {@code logOutbox} before the document is saved, so the change and its entry are one document write (atomic in
 * MongoDB and in the embedded store alike): a crash leaves either both or neither. The {@link LogSequencer} later
 * appends each pending entry to the log (once: it skips an entry id the log already holds) and removes it here.
 */
public abstract class LoggedAggregate extends OutboxAggregate {

    private List<PendingEntry> logOutbox = new ArrayList<>();

    protected void appendLog(LogEntry entry) {
        logOutbox.add(entry.pending());
    }

    public List<PendingEntry> getLogOutbox() {
        return logOutbox;
    }

    public void setLogOutbox(List<PendingEntry> logOutbox) {
        this.logOutbox = logOutbox == null ? new ArrayList<>() : logOutbox;
    }
}
