package id.pemilu.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact that happened in one service and that others may react to. Implementations are past-tense records
 * ({@code PartyRegistered}, {@code C1FormSubmitted}); the simple class name is the event name and the routing key.
 */
public interface DomainEvent {

    UUID eventId();

    Instant occurredAt();

    /** Schema version of this event type; bump when a field changes meaning. */
    int version();

    default String eventType() {
        return getClass().getSimpleName();
    }
}
