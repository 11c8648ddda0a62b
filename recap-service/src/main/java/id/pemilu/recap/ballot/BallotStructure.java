package id.pemilu.recap.ballot;

import id.pemilu.common.events.C1FieldKeys;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The vote rows one ballot has at one TPS: candidate pairs (PPWP, Pilkada), candidates (DPD) or parties with their
 * candidates (DPR/DPRD, from the DCT). {@code description} says where the structure came from.
 */
public record BallotStructure(List<String> voteKeys, String description) {

    public BallotStructure {
        voteKeys = List.copyOf(voteKeys);
        if (voteKeys.isEmpty()) {
            throw new IllegalArgumentException("Struktur surat suara tidak punya baris suara");
        }
    }

    public static BallotStructure candidates(int count, String description) {
        if (count < 1 || count > 100) {
            throw new IllegalArgumentException("Jumlah calon tidak sah: " + count);
        }
        List<String> keys = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            keys.add(C1FieldKeys.candidateVotes(n));
        }
        return new BallotStructure(keys, description);
    }

    /** Legislative ballot: per party (by ballot number) the party's own votes and each candidate's votes. */
    public static BallotStructure parties(List<int[]> partyNumberAndCandidateCount, String description) {
        List<String> keys = new ArrayList<>();
        for (int[] party : partyNumberAndCandidateCount) {
            keys.add(C1FieldKeys.partyVotes(party[0]));
            for (int c = 1; c <= party[1]; c++) {
                keys.add(C1FieldKeys.partyCandidateVotes(party[0], c));
            }
        }
        return new BallotStructure(keys, description);
    }

    /** Every key a complete form of this ballot carries, in form order. */
    public Set<String> allKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (String row : C1FieldKeys.VOTER_ROWS) {
            for (String suffix : C1FieldKeys.GENDER_SUFFIXES) {
                keys.add(row + suffix);
            }
        }
        keys.add(C1FieldKeys.BALLOTS_RECEIVED);
        keys.add(C1FieldKeys.BALLOTS_USED);
        keys.add(C1FieldKeys.BALLOTS_UNUSED);
        keys.add(C1FieldKeys.BALLOTS_DAMAGED);
        keys.addAll(voteKeys);
        keys.add(C1FieldKeys.VOTES_VALID);
        keys.add(C1FieldKeys.VOTES_INVALID);
        keys.add(C1FieldKeys.VOTES_TOTAL);
        return keys;
    }
}
