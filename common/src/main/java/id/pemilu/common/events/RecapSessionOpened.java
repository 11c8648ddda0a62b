package id.pemilu.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A recap session (rekapitulasi) of one region and ballot type was opened in recap-service: by PPK for a kecamatan,
 * by KPU kab/kota, provinsi or RI for their region ({@code regionCode} {@code ID} = national).
 *
 * @param tier           KECAMATAN, KABKOTA, PROVINSI or NASIONAL
 * @param sessionVersion 1 for the first session, +1 for each reopening
 */
public record RecapSessionOpened(UUID eventId, Instant occurredAt, int version, String regionCode, String tier,
                                 String ballotType, int sessionVersion, String openedBy) implements DomainEvent {

    public static final int CURRENT_VERSION = 1;
}
