package id.pemilu.recap.result;

import id.pemilu.common.ballot.BallotType;
import java.util.List;
import java.util.Map;

/**
 * What the machine read from a submission's photos, for the officer to correct and confirm: never counted.
 *
 * @param values              the values the reader chose, by key (null = not read)
 * @param flags               problems found with the photos themselves (same photo at another TPS)
 * @param disagreeingKeys     keys two readings gave different values for
 */
public record Draft(String submissionId, String tpsCode, BallotType ballotType, Map<String, Integer> values,
                    List<Flag> flags, List<String> disagreeingKeys, List<PhotoRef> photos) {
}
