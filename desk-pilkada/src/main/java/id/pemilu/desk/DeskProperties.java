package id.pemilu.desk;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param recapServiceUrl   recap-service (public API: TPS registry, KPU's counted totals)
 * @param recapTimeout      connect/read timeout for recap-service
 * @param region            region whose TPS the desk follows ({@code ID} = the whole country)
 * @param registryRefresh   how often the TPS list is read again from recap-service
 * @param registryRetry     how soon a failed read is retried
 * @param maxVoters         Pilkada maximum voters per TPS
 * @param reservePercent    ballots on top of DPT
 * @param defaultCandidates candidate pairs when {@code candidates} has no entry for the contest region
 * @param candidates        candidate pairs per contest region code
 * @param maxPhotoBytes     largest photo accepted
 * @param compareMaxDesa    per-TPS comparison only for regions with at most this many desa
 * @param differenceAlert   votes for one pair at which a TPS's quick/official difference is marked
 * @param publicCache       how long a public comparison is kept (a crowd costs recap-service one read per period)
 */
@ConfigurationProperties("pemilu.desk")
public record DeskProperties(String recapServiceUrl, Duration recapTimeout, String region, Duration registryRefresh,
                             Duration registryRetry, int maxVoters, int reservePercent, int defaultCandidates,
                             Map<String, Integer> candidates, long maxPhotoBytes, int compareMaxDesa,
                             int differenceAlert, java.time.Duration publicCache) {

    public DeskProperties {
        candidates = candidates == null ? Map.of() : Map.copyOf(candidates);
        publicCache = publicCache == null ? Duration.ofSeconds(5) : publicCache;
        if (maxVoters < 1 || reservePercent < 0 || defaultCandidates < 1 || defaultCandidates > 20) {
            throw new IllegalArgumentException("Pengaturan desk tidak sah");
        }
    }

    /** Candidate pairs of the contest whose region (province or kab/kota) has this code. */
    public int candidatesOf(String contestRegion) {
        return candidates.getOrDefault(contestRegion, defaultCandidates);
    }
}
