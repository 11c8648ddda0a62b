package id.pemilu.recap.result;

import id.pemilu.common.ballot.BallotType;
import java.util.List;

/**
 * Application event: a TPS result was saved with a new version and must be added to the totals. Carries the saved
 * numbers so the recap need not read the result back.
 */
public record ResultChanged(String resultId, String tpsCode, String desaCode, BallotType ballotType,
                            long resultVersion, ResultStatus status, List<FieldValue> values) {

    static ResultChanged of(TpsResult saved) {
        return new ResultChanged(saved.getId(), saved.getTpsCode(), saved.getDesaCode(), saved.getBallotType(),
                saved.getResultVersion(), saved.getStatus(), saved.getValues());
    }

    public static ResultChanged of(String resultId, TpsResult stored) {
        return stored == null ? null : of(stored);
    }
}
