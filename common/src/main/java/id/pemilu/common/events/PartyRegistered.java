package id.pemilu.common.events;

import java.time.Instant;
import java.util.UUID;

/** A political party was registered in Sipol (party-registry). */
public record PartyRegistered(UUID eventId, Instant occurredAt, int version,
                              String partyId, String name, String abbreviation) implements DomainEvent {

    public static final int CURRENT_VERSION = 1;

    public static PartyRegistered now(String partyId, String name, String abbreviation) {
        return new PartyRegistered(UUID.randomUUID(), Instant.now(), CURRENT_VERSION, partyId, name, abbreviation);
    }
}
