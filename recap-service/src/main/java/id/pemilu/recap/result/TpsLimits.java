package id.pemilu.recap.result;

/**
 * What the registry knows about a TPS that the checks need.
 *
 * @param registeredDpt DPT of the TPS in the registry (men + women)
 * @param maxVoters     the election's maximum voters per TPS (300 for the general election, 600 for Pilkada)
 * @param reservePercent ballots sent on top of DPT (2 % by law)
 * @param reserveTolerance ballots the received count may differ from DPT + reserve without a flag
 */
public record TpsLimits(int registeredDpt, int maxVoters, int reservePercent, int reserveTolerance) {

    public TpsLimits {
        if (registeredDpt < 0 || maxVoters < 1 || reservePercent < 0 || reserveTolerance < 0) {
            throw new IllegalArgumentException("Batas TPS tidak sah");
        }
    }

    /** Ballots a TPS receives: DPT plus the reserve, rounded up. */
    public int expectedBallots(int dpt) {
        return dpt + (dpt * reservePercent + 99) / 100;
    }
}
