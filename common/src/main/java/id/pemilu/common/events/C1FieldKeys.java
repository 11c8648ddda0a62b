package id.pemilu.common.events;

/**
 * Keys of the numbers on a C.Hasil form, shared by ocr-c1-reader (templates) and recap-service (records).
 * Voter rows have {@code .men}, {@code .women}, {@code .total} suffixes.
 * <ul>
 *   <li>{@code dpt}, {@code dptb}, {@code dpk}: registered voters (DPT, DPTb, DPK), and {@code all} = the sum</li>
 *   <li>{@code voted.dpt}, {@code voted.dptb}, {@code voted.dpk}, {@code voted.all}: voters who voted</li>
 *   <li>{@code ballots.received}, {@code ballots.used}, {@code ballots.unused}, {@code ballots.damaged}</li>
 *   <li>{@code votes.candidate.<n>}: votes for candidate (pair) number n (PPWP, DPD, Pilkada)</li>
 *   <li>{@code votes.party.<partyNumber>} and {@code votes.party.<partyNumber>.candidate.<n>}: legislative ballots</li>
 *   <li>{@code votes.valid}, {@code votes.invalid}, {@code votes.total}</li>
 * </ul>
 */
public final class C1FieldKeys {

    public static final String[] VOTER_ROWS = {"dpt", "dptb", "dpk", "all", "voted.dpt", "voted.dptb", "voted.dpk",
            "voted.all"};
    public static final String[] GENDER_SUFFIXES = {".men", ".women", ".total"};
    public static final String BALLOTS_RECEIVED = "ballots.received";
    public static final String BALLOTS_USED = "ballots.used";
    public static final String BALLOTS_UNUSED = "ballots.unused";
    public static final String BALLOTS_DAMAGED = "ballots.damaged";
    public static final String VOTES_VALID = "votes.valid";
    public static final String VOTES_INVALID = "votes.invalid";
    public static final String VOTES_TOTAL = "votes.total";

    private C1FieldKeys() {
    }

    public static String candidateVotes(int number) {
        return "votes.candidate." + number;
    }

    public static String partyVotes(int partyNumber) {
        return "votes.party." + partyNumber;
    }

    public static String partyCandidateVotes(int partyNumber, int candidateNumber) {
        return "votes.party." + partyNumber + ".candidate." + candidateNumber;
    }
}
