package id.pemilu.candidates.nomination;

import id.pemilu.candidates.dapil.ElectoralBody;
import java.util.List;

/**
 * A candidate list as the rules see it.
 *
 * @param listId    {@code <dapilCode>:<partyId>}
 * @param partyId   nominating party, or {@link CandidateList#INDIVIDUAL} for DPD
 * @param seats     seats of the dapil
 */
public record ListUnderCheck(String listId, ElectoralBody body, String dapilCode, String partyId, int seats,
                             List<CandidateFacts> candidates) {

    public ListUnderCheck {
        candidates = List.copyOf(candidates);
    }
}
