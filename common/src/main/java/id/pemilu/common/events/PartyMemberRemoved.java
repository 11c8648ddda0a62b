package id.pemilu.common.events;

import java.time.Instant;
import java.util.UUID;

/** A member was removed from a party's list for good (e.g. KPU upheld a citizen's complaint). */
public record PartyMemberRemoved(UUID eventId, Instant occurredAt, int version,
                                 String partyId, String nikHash, String reason) implements DomainEvent {

    public static final int CURRENT_VERSION = 1;
}
