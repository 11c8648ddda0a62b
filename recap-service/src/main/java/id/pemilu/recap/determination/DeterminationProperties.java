package id.pemilu.recap.determination;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the penetapan (prefix {@code pemilu.recap.determination}).
 *
 * @param seed             published seed of the drawing by lot that breaks ties left after the spread rule
 * @param thresholdPercent parliamentary threshold of the DPR (4 % in UU 7/2017 Pasal 414)
 * @param pilkadaMajority  per Pilkada region code (province for gubernur, kab/kota for bupati/wali kota): the share
 *                         in percent a pair must exceed to win in the first round; regions without an entry: most
 *                         votes wins
 */
@ConfigurationProperties("pemilu.recap.determination")
public record DeterminationProperties(String seed, Integer thresholdPercent, Map<String, Integer> pilkadaMajority) {

    public DeterminationProperties {
        seed = seed == null || seed.isBlank() ? "penetapan-pemilu-2029" : seed.trim();
        thresholdPercent = thresholdPercent == null ? 4 : thresholdPercent;
        pilkadaMajority = pilkadaMajority == null ? Map.of() : Map.copyOf(pilkadaMajority);
    }
}
