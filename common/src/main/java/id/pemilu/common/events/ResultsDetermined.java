package id.pemilu.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * KPU published a determination (penetapan) of one contest in recap-service: who is elected, or who goes to a second
 * round. The full calculation (quotient tables, threshold step) is at recap-service's public API.
 *
 * @param ballotType            PPWP, DPR, DPD, DPRD_PROVINSI, DPRD_KABKOTA, PILKADA_GUBERNUR or PILKADA_BUPATI
 * @param regionCode            {@code ID} for PPWP and DPR, the province or kab/kota otherwise
 * @param determinationVersion  1 for the first determination of this contest, then +1 per re-publication
 * @param status                TERPILIH, PUTARAN_KEDUA or BELUM_ADA_SUARA
 * @param source                which numbers were used (e.g. counted live totals, D.Hasil of the deciding tier)
 * @param sha256                SHA-256 of the published calculation (JSON) as served by the public API
 * @param determinedBy          username of the KPU officer who published it
 * @param secondRound           pair numbers of a second round (empty otherwise)
 */
public record ResultsDetermined(UUID eventId, Instant occurredAt, int version,
                                String ballotType, String regionCode, int determinationVersion, String status,
                                String source, String sha256, String determinedBy, List<Elected> elected,
                                List<String> secondRound) implements DomainEvent {

    public static final int CURRENT_VERSION = 1;

    /**
     * @param dapilCode legislative only
     * @param partyId   legislative only
     * @param id        pair or candidate number (legislative: {@code <party ballot number>.<candidate number>})
     */
    public record Elected(String dapilCode, String partyId, String id, String name, long votes) {
    }
}
