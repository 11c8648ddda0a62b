package id.pemilu.recap;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the recap (application.yml, prefix {@code pemilu.recap}).
 *
 * @param seedRegion          region whose TPS registry is generated at startup when the registry is empty
 *                            ({@code 31.71.01} = kecamatan Gambir; {@code ID} = the whole country; blank = none)
 * @param registryCsv         optional CSV file imported at startup when the registry is empty
 * @param maxVoters           maximum voters per TPS in the general election
 * @param pilkadaMaxVoters    maximum voters per TPS in Pilkada
 * @param reservePercent      ballots sent on top of DPT, in percent
 * @param reserveTolerance    ballots the received count may differ from DPT + reserve without a flag
 * @param ppwpCandidates      candidate pairs on the PPWP ballot (3 in 2024)
 * @param dpdCandidates       DPD candidates per province code (no entry: the DPD ballot is not open yet)
 * @param pilkadaCandidates   Pilkada candidate pairs per province (gubernur) or kab/kota (bupati/wali kota) code
 * @param pilkadaDefaultCandidates candidate pairs for a Pilkada region without an entry
 * @param maxPhotoBytes       largest accepted photo
 * @param maxPhotoPixels      largest accepted width x height, checked from the header before decoding
 * @param applyIntervalMillis how often the incremental recap applies changed TPS results
 * @param applyIntervalBusyMillis the wait after a round that applied many results (under load: fewer, larger rounds)
 * @param totalsEvents        raise RegionTotalsChanged events
 */
@ConfigurationProperties("pemilu.recap")
public record RecapProperties(String seedRegion, String registryCsv, Integer maxVoters, Integer pilkadaMaxVoters,
                              Integer reservePercent, Integer reserveTolerance, Integer ppwpCandidates,
                              Map<String, Integer> dpdCandidates, Map<String, Integer> pilkadaCandidates,
                              Integer pilkadaDefaultCandidates, Long maxPhotoBytes, Long maxPhotoPixels,
                              Long applyIntervalMillis, Long applyIntervalBusyMillis, Boolean totalsEvents) {

    public RecapProperties {
        seedRegion = seedRegion == null ? "31.71.01" : seedRegion.trim();
        maxVoters = maxVoters == null ? 300 : maxVoters;
        pilkadaMaxVoters = pilkadaMaxVoters == null ? 600 : pilkadaMaxVoters;
        reservePercent = reservePercent == null ? 2 : reservePercent;
        reserveTolerance = reserveTolerance == null ? 2 : reserveTolerance;
        ppwpCandidates = ppwpCandidates == null ? 3 : ppwpCandidates;
        dpdCandidates = dpdCandidates == null ? Map.of() : Map.copyOf(dpdCandidates);
        pilkadaCandidates = pilkadaCandidates == null ? Map.of() : Map.copyOf(pilkadaCandidates);
        pilkadaDefaultCandidates = pilkadaDefaultCandidates == null ? 3 : pilkadaDefaultCandidates;
        maxPhotoBytes = maxPhotoBytes == null ? 8L * 1024 * 1024 : maxPhotoBytes;
        maxPhotoPixels = maxPhotoPixels == null ? 24_000_000L : maxPhotoPixels;
        applyIntervalMillis = applyIntervalMillis == null ? 250L : applyIntervalMillis;
        applyIntervalBusyMillis = applyIntervalBusyMillis == null ? 1000L : applyIntervalBusyMillis;
        totalsEvents = totalsEvents == null || totalsEvents;
    }
}
