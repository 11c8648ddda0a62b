package id.pemilu.recap.determination;

import java.util.List;

/**
 * One party in a dapil: {@code party.votes()} = the party's own votes plus its candidates' votes, and its candidates
 * with their own votes.
 */
public record PartyInput(Contender party, List<Contender> candidates) {

    public PartyInput {
        if (party == null) {
            throw new IllegalArgumentException("Partai wajib diisi");
        }
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }
}
