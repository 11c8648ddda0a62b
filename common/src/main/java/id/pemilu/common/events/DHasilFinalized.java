package id.pemilu.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A D.Hasil (the signed recap result of a kecamatan, kab/kota, provinsi, or the nation with code {@code ID}) was
 * finalized in recap-service. The document itself is public at {@code documentUrl}; its {@code sha256} covers the
 * canonical encoding and is signed by the service's Ed25519 key.
 *
 * @param dHasilVersion version of this region's D.Hasil (1, then +1 after each reopening)
 * @param totals        the region's totals keyed like the C.Hasil form (see C1FieldKeys)
 */
public record DHasilFinalized(UUID eventId, Instant occurredAt, int version, String regionCode, String tier,
                              String ballotType, int dHasilVersion, String sha256, String documentUrl,
                              List<Total> totals) implements DomainEvent {

    public static final int CURRENT_VERSION = 1;

    public record Total(String key, long value) {
    }
}
