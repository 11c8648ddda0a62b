package id.pemilu.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.common.test.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void aBurstAcrossAMinuteBoundaryStillGetsOnlyTheLimit() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-28T10:00:59.500Z"));
        RateLimiter limiter = new RateLimiter(3, 60_000, clock);
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isTrue();
        clock.advance(Duration.ofSeconds(1)); // 10:01:00.500: a clock-aligned window would have started again here
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
        assertThat(limiter.tryAcquire("b")).as("other keys have their own window").isTrue();
        assertThat(limiter.secondsToNextWindow("a")).isEqualTo(59);
        clock.advance(Duration.ofSeconds(59)); // the key's own minute is over
        assertThat(limiter.tryAcquire("a")).isTrue();
    }
}
