package id.pemilu.common.outbox;

import id.pemilu.common.events.DomainEvent;
import java.time.Instant;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event waiting to be published, stored inside the aggregate document that produced it so that the business
 * change and its event are written by one single-document write (MongoDB guarantees that write is atomic).
 */
public record OutboxMessage(String eventId, String eventType, String javaType, Instant occurredAt, String payload) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static OutboxMessage of(DomainEvent event) {
        return new OutboxMessage(event.eventId().toString(), event.eventType(), event.getClass().getName(),
                event.occurredAt(), JSON.writeValueAsString(event));
    }
}
