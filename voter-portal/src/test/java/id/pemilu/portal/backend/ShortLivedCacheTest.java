package id.pemilu.portal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.common.test.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ShortLivedCacheTest {

    @Test
    void aCrowdOnOnePageCostsOneReadPerTtl() {
        MovableClock clock = new MovableClock(Instant.parse("2029-02-14T13:00:00Z"));
        ShortLivedCache cache = new ShortLivedCache(Duration.ofSeconds(5), 100, clock);
        AtomicInteger loads = new AtomicInteger();
        for (int i = 0; i < 1000; i++) {
            assertThat(cache.<Integer>get("hasil/31", loads::incrementAndGet)).isEqualTo(1);
        }
        clock.advance(Duration.ofSeconds(6));
        assertThat(cache.<Integer>get("hasil/31", loads::incrementAndGet)).isEqualTo(2);
        assertThat(loads).hasValue(2);
    }

    @Test
    void staysWithinItsSize() {
        ShortLivedCache cache = new ShortLivedCache(Duration.ofSeconds(5), 10, new MovableClock(Instant.parse("2029-02-14T13:00:00Z")));
        for (int i = 0; i < 25; i++) {
            cache.get("key" + i, () -> "v");
        }
        assertThat(cache.size()).isLessThanOrEqualTo(10);
    }
}
