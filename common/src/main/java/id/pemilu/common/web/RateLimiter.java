package id.pemilu.common.web;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-client limits of anonymous endpoints (NIK check in party-registry, TPS reports in recap-service).
 * Fixed-window counters per key, each window starting at the key's first request; old windows are dropped. */
public final class RateLimiter {

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(int limit, long windowMillis, Clock clock) {
        this.limit = limit;
        this.windowMillis = windowMillis;
        this.clock = clock;
    }

    private record Window(long start, AtomicInteger count) {
    }

    /**
     * Counts one request for the key; false when the key is over its limit in its current window. A key's window
     * starts with its first request (not at a clock boundary), so a burst cannot straddle two windows and get twice
     * the limit.
     */
    public boolean tryAcquire(String key) {
        long now = clock.millis();
        Window window = windows.compute(key, (k, w) -> w == null || now - w.start() >= windowMillis
                ? new Window(now, new AtomicInteger()) : w);
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> now - w.start() >= windowMillis);
        }
        return window.count().incrementAndGet() <= limit;
    }

    /** Seconds until the key's window ends (for Retry-After). */
    public long secondsToNextWindow(String key) {
        long now = clock.millis();
        Window window = windows.get(key);
        long left = window == null ? 0 : window.start() + windowMillis - now;
        return Math.max(1, (left + 999) / 1000);
    }
}
