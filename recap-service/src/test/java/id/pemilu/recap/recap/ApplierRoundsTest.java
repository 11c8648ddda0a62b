package id.pemilu.recap.recap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.pemilu.recap.RecapProperties;
import org.junit.jupiter.api.Test;

class ApplierRoundsTest {

    private static RecapProperties intervals(Long quiet, Long busy) {
        return new RecapProperties(null, null, null, null, null, null, null, null, null, null, null, null, quiet, busy,
                null);
    }

    @Test
    void aQuietRoundIsFollowedByTheShortWaitAndABusyOneByTheLongWait() {
        RecapProperties properties = intervals(200L, 900L);
        assertEquals(200, RecapApplier.delayAfter(0, properties));
        assertEquals(200, RecapApplier.delayAfter(RecapApplier.BUSY_ROUND - 1, properties));
        assertEquals(900, RecapApplier.delayAfter(RecapApplier.BUSY_ROUND, properties));
        assertEquals(900, RecapApplier.delayAfter(5_000, properties));
    }

    @Test
    void theDefaultsWait250MillisWhenQuietAndOneSecondWhenBusy() {
        RecapProperties defaults = intervals(null, null);
        assertEquals(250, RecapApplier.delayAfter(1, defaults));
        assertEquals(1000, RecapApplier.delayAfter(RecapApplier.BUSY_ROUND, defaults));
    }
}
