package id.pemilu.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * recap-service recorded a new state of one TPS result (officer confirmed it, it was flagged, or PPK verified or
 * corrected it). Drafts (machine readings) never raise this event.
 *
 * @param status        submitted, flagged, verified or corrected
 * @param resultVersion increases with every change of this TPS result
 * @param flags         codes of the checks the record fails (empty when counted)
 * @param source        photo-reading (confirmed from a reading) or manual (typed by hand)
 * @param recordedBy    username of the person who made the change
 * @param reason        the person's written reason, when one was required
 */
public record TpsResultRecorded(UUID eventId, Instant occurredAt, int version,
                                String tpsCode, String ballotType, String status, long resultVersion,
                                List<String> flags, String source, String recordedBy, String reason)
        implements DomainEvent {

    public static final int CURRENT_VERSION = 1;
}
