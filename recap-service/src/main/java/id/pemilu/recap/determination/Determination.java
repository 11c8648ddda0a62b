package id.pemilu.recap.determination;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The outcome of one contest with its calculation, as published (penetapan). Every contest kind fills
 * {@code status}, {@code summary}, {@code steps} (the calculation in words) and {@code elected}; PPWP, DPD and Pilkada
 * add {@code standings}; DPR adds {@code threshold}; DPR and DPRD add {@code dapils} (quotient table per dapil).
 *
 * @param status      {@code TERPILIH} (decided), {@code PUTARAN_KEDUA} (second round between {@code secondRound}),
 *                    or {@code BELUM_ADA_SUARA} (no counted votes yet)
 * @param tieBreakSeed the published seed of the drawing by lot (see {@link TieBreak})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Determination(String ballotType, String regionCode, String regionName, String status, String summary,
                            List<String> steps, List<Elected> elected, List<String> secondRound,
                            List<Standing> standings, Threshold threshold, List<SeatAllocation> dapils,
                            String tieBreakSeed) {

    public static final String ELECTED = "TERPILIH";
    public static final String SECOND_ROUND = "PUTARAN_KEDUA";
    public static final String NO_VOTES = "BELUM_ADA_SUARA";

    /** An elected pair or candidate; legislative ones with their dapil and party. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Elected(String dapilCode, String partyId, String partyName, String id, String name, long votes) {
    }

    /**
     * A row of the ranking (PPWP, DPD, Pilkada).
     *
     * @param provincesAtLeast20 PPWP: provinces where the pair has at least 20 %
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Standing(int rank, String id, String name, long votes, String percent, Integer provincesAtLeast20,
                           Integer spread) {
    }

    /** The parliamentary threshold step (DPR). */
    public record Threshold(int percent, long nationalValidVotes, List<ThresholdRow> parties) {
    }

    public record ThresholdRow(String partyId, String partyName, long votes, String percent, boolean passes) {
    }
}
