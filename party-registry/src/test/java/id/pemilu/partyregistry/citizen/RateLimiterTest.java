package id.pemilu.partyregistry.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    /** A clock the test moves by hand. */
    private static final class Hand extends Clock {
        private long millis;

        Hand(long millis) {
            this.millis = millis;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void aBurstAcrossAMinuteBoundaryStillGetsOnlyTheLimit() {
        Hand clock = new Hand(Instant.parse("2026-11-28T10:00:59.500Z").toEpochMilli());
        RateLimiter limiter = new RateLimiter(3, 60_000, clock);
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isTrue();
        clock.millis += 1_000;   // 10:01:00.500: a clock-aligned window would have started again here
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
        assertThat(limiter.tryAcquire("b")).as("other keys have their own window").isTrue();
        assertThat(limiter.secondsToNextWindow("a")).isEqualTo(59);
        clock.millis += 59_000;  // the key's own minute is over
        assertThat(limiter.tryAcquire("a")).isTrue();
    }
}
