package id.pemilu.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A finalized D.Hasil was reopened (by the tier above or KPU RI, with a reason); its session continues as
 * {@code newSessionVersion} and will end in a new D.Hasil version. The earlier version stays readable.
 */
public record DHasilReopened(UUID eventId, Instant occurredAt, int version, String regionCode, String tier,
                             String ballotType, int reopenedVersion, int newSessionVersion, String reopenedBy,
                             String reason) implements DomainEvent {

    public static final int CURRENT_VERSION = 1;
}
