package id.pemilu.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * KPU kab/kota marked a party member MS (meets requirements). The NIK travels only as its keyed hash
 * ({@link id.pemilu.common.security.NikHash}), never readable.
 */
public record PartyMemberVerified(UUID eventId, Instant occurredAt, int version,
                                  String partyId, String nikHash, String kabKotaCode) implements DomainEvent {

    public static final int CURRENT_VERSION = 1;
}
