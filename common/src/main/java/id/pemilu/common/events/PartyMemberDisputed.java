package id.pemilu.common.events;

import java.time.Instant;
import java.util.UUID;

/** A citizen said they never joined this party; the member is not counted until KPU decides. */
public record PartyMemberDisputed(UUID eventId, Instant occurredAt, int version,
                                  String partyId, String nikHash, String complaintId) implements DomainEvent {

    public static final int CURRENT_VERSION = 1;
}
