package id.pemilu.partyregistry.citizen;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Fixed-window counters per key (one instance); old windows are dropped as time moves on. */
final class RateLimiter {

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RateLimiter(int limit, long windowMillis, Clock clock) {
        this.limit = limit;
        this.windowMillis = windowMillis;
        this.clock = clock;
    }

    private record Window(long start, AtomicInteger count) {
    }

    /** Counts one request for the key; false when the key is over its limit in the current window. */
    boolean tryAcquire(String key) {
        long now = clock.millis();
        long start = now - now % windowMillis;
        Window window = windows.compute(key, (k, w) -> w == null || w.start() != start
                ? new Window(start, new AtomicInteger()) : w);
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> w.start() != start);
        }
        return window.count().incrementAndGet() <= limit;
    }

    long secondsToNextWindow() {
        long now = clock.millis();
        return Math.max(1, (windowMillis - now % windowMillis + 999) / 1000);
    }
}
