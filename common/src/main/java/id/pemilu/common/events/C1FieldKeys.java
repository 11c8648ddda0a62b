package id.pemilu.common.events;

/**
 * Keys of the numbers on a C.Hasil form, shared by ocr-c1-reader (templates) and recap-service (records).
 * Voter rows have {@code .men}, {@code .women}, {@code .total} suffixes.
 * <ul>
 *   <li>{@code dpt}, {@code dptb}, {@code dpk}: registered voters (DPT, DPTb, DPK), and {@code all} = the sum</li>
 *   <li>{@code voted.dpt}, {@code voted.dptb}, {@code voted.dpk}, {@code voted.all}: voters who voted</li>
 *   <li>{@code ballots.received}, {@code ballots.used}, {@code ballots.unused}, {@code ballots.damaged}</li>
 *   <li>{@code votes.candidate.<n>}: votes for candidate (pair) number n (PPWP, DPD, Pilkada)</li>
 *   <li>{@code votes.party.<partyNumber>} (the party's own votes) and {@code votes.party.<partyNumber>.candidate.<n>}:
 *   legislative ballots; on the legislative C.Hasil summary also {@code votes.party.<partyNumber>.candidates} (all
 *   votes for the party's candidates), {@code votes.party.<partyNumber>.total} (party and candidates) and the column
 *   totals {@code votes.parties.own} and {@code votes.parties.candidates}</li>
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
    /** Legislative summary: the parties' own votes added over all parties. */
    public static final String VOTES_PARTIES_OWN = "votes.parties.own";
    /** Legislative summary: the votes for all parties' candidates. */
    public static final String VOTES_PARTIES_CANDIDATES = "votes.parties.candidates";

    private C1FieldKeys() {
    }

    public static String candidateVotes(int number) {
        return "votes.candidate." + number;
    }

    public static String partyVotes(int partyNumber) {
        return "votes.party." + partyNumber;
    }

    /** All votes for one party's candidates (legislative summary row). */
    public static String partyCandidatesVotes(int partyNumber) {
        return "votes.party." + partyNumber + ".candidates";
    }

    /** One party's own votes and its candidates' votes together (legislative summary row). */
    public static String partyTotalVotes(int partyNumber) {
        return "votes.party." + partyNumber + ".total";
    }

    public static String partyCandidateVotes(int partyNumber, int candidateNumber) {
        return "votes.party." + partyNumber + ".candidate." + candidateNumber;
    }
}
