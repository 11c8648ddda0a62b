package id.pemilu.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** party-registry recomputed a party's requirements report and its outcome changed (met or no longer met). */
public record PartyRequirementsEvaluated(UUID eventId, Instant occurredAt, int version,
                                         String partyId, boolean met, List<String> unmetRules) implements DomainEvent {

    public static final int CURRENT_VERSION = 1;
}
