package id.pemilu.recap.result;

import id.pemilu.common.outbox.OutboxMessage;
import id.pemilu.recap.translog.PendingEntry;

import java.util.List;

/**
 * Application event: a TPS result was saved with a new version and must be added to the totals, published and
 * logged. Carries the saved numbers, and the event and log entry of this version, so no follower reads the result back
 * (both null when the result was read from the store rather than just saved).
 */
public record ResultChanged(String resultId, String tpsCode, String desaCode, BallotType ballotType,
                            long resultVersion, ResultStatus status, List<FieldValue> values,
                            OutboxMessage event, PendingEntry logEntry) {

    /** The version just saved: its event and log entry are the last of the result's (one of each per version). */
    static ResultChanged saved(TpsResult saved) {
        return new ResultChanged(saved.getId(), saved.getTpsCode(), saved.getDesaCode(), saved.getBallotType(),
                saved.getResultVersion(), saved.getStatus(), saved.getValues(), last(saved.getOutbox()),
                last(saved.getLogOutbox()));
    }

    public static ResultChanged of(String resultId, TpsResult stored) {
        return stored == null ? null : new ResultChanged(stored.getId(), stored.getTpsCode(), stored.getDesaCode(),
                stored.getBallotType(), stored.getResultVersion(), stored.getStatus(), stored.getValues(), null, null);
    }

    private static <T> T last(List<T> items) {
        return items == null || items.isEmpty() ? null : items.get(items.size() - 1);
    }
}
