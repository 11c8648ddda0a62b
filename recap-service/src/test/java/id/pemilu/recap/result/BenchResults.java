package id.pemilu.recap.result;

import id.pemilu.recap.registry.TpsCode;
import id.pemilu.common.ballot.BallotType;
import java.util.List;
import java.util.Map;

/**
 * Benchmark helper (test classpath only): builds a recorded TPS result exactly as a KPPS confirmation leaves it
 * (status submitted, version 1, one history entry) without the request path, so a benchmark can store 800,000 of
 * them in bulk. Its outbox is left empty (no TpsResultRecorded for the broker).
 */
public final class BenchResults {

    private BenchResults() {
    }

    public static TpsResult submitted(TpsCode tps, BallotType type, Map<String, Integer> values) {
        TpsResult r = TpsResult.empty(tps, type);
        r.record(ResultStatus.SUBMITTED, values, List.of(), "kpps-" + tps.value(), "kpps", null, null, "manual", null,
                null);
        r.setOutbox(null);
        return r;
    }
}
