package id.pemilu.recap.translog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.stereotype.Component;

/**
 * Tells the {@link LogSequencer} about every saved document that carries pending log entries, whichever service
 * saved it (Spring Data's save event), so entries reach the log within a tick instead of at the next sweep.
 */
@Component
class LogHints extends AbstractMongoEventListener<LoggedAggregate> {

    private final ObjectProvider<LogSequencer> sequencer;

    /** Lazily: the log's own beans write to the store while they are created, which already fires save events. */
    LogHints(ObjectProvider<LogSequencer> sequencer) {
        this.sequencer = sequencer;
    }

    @Override
    public void onAfterSave(AfterSaveEvent<LoggedAggregate> event) {
        if (!event.getSource().getLogOutbox().isEmpty() && event.getDocument() != null) {
            sequencer.getObject().soon(event.getCollectionName(), event.getDocument().get("_id"));
        }
    }
}
