package id.pemilu.recap.determination;

/**
 * One side in a contest: a PPWP/Pilkada pair, a DPD candidate, a party or a party's candidate.
 *
 * @param id     stable identifier inside the contest (pair or candidate number, party ballot number, "2.3" for
 *               candidate 3 of party 2); it also feeds the drawing by lot
 * @param name   name shown in the calculation
 * @param votes  counted votes
 * @param spread regions (one tier below the contest's own regions) in which it received at least one vote; the
 *               first tie-break
 * @param woman  a woman candidate (the second tie-break for candidates, UU 7/2017 Pasal 422); false for pairs/parties
 */
public record Contender(String id, String name, long votes, int spread, boolean woman) {

    public Contender {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("Identitas peserta wajib diisi");
        }
        if (votes < 0 || spread < 0) {
            throw new IllegalArgumentException("Suara dan persebaran tidak boleh negatif: " + id);
        }
        name = name == null || name.isBlank() ? id : name;
    }

    public static Contender of(String id, String name, long votes) {
        return new Contender(id, name, votes, 0, false);
    }
}
