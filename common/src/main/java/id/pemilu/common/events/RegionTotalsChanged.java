package id.pemilu.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The counted totals of one region (desa, kecamatan, kab/kota, provinsi, or national with code {@code ID}) for one
 * ballot type changed in recap-service.
 *
 * @param countedTps TPS whose results are counted in {@code totals}
 * @param flaggedTps TPS whose results are flagged (kept out of {@code totals})
 * @param totals     summed numbers keyed like the C.Hasil form (see C1FieldKeys)
 */
public record RegionTotalsChanged(UUID eventId, Instant occurredAt, int version,
                                  String regionCode, String level, String ballotType,
                                  int countedTps, int flaggedTps, List<Total> totals) implements DomainEvent {

    public static final int CURRENT_VERSION = 1;

    public record Total(String key, long value) {
    }
}
