package id.pemilu.common.outbox;

import id.pemilu.common.events.DomainEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Base class for documents that raise events. Events raised before {@code save} are persisted in the same document
 * (field {@code outbox}); the {@link OutboxRelay} publishes them with publisher confirms and removes each one only
 * after the broker confirmed it.
 */
public abstract class OutboxAggregate {

    private List<OutboxMessage> outbox = new ArrayList<>();

    protected void raise(DomainEvent event) {
        outbox.add(OutboxMessage.of(event));
    }

    public List<OutboxMessage> getOutbox() {
        return outbox;
    }

    public void setOutbox(List<OutboxMessage> outbox) {
        this.outbox = outbox == null ? new ArrayList<>() : outbox;
    }
}
