package id.pemilu.recap.determination;

import java.util.Map;

/** PPWP votes of one province per pair id (for the 20 % spread rule). */
public record ProvinceVotes(String code, String name, Map<String, Long> votes) {

    public ProvinceVotes {
        votes = votes == null ? Map.of() : Map.copyOf(votes);
    }

    public long valid() {
        return votes.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Does {@code pairId} have at least 20 % of this province's valid votes (and are there any)? */
    public boolean atLeast20(String pairId) {
        long valid = valid();
        return valid > 0 && votes.getOrDefault(pairId, 0L) * 100 >= 20 * valid;
    }
}
