package id.pemilu.candidates.feedback;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits public feedback per client (sliding window of one minute, in memory of this instance). The gateway limits
 * anonymous traffic as a whole; this limit is specific to the feedback form.
 */
@Component
class FeedbackRateLimiter {

    private static final long WINDOW_MILLIS = 60_000;
    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    FeedbackRateLimiter(@Value("${pemilu.candidates.feedback.per-minute:5}") int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Records an attempt by {@code client}; false if the client already used its quota for this minute. */
    boolean tryAcquire(String client) {
        long now = clock.millis();
        if (recent.size() > MAX_TRACKED_CLIENTS) {
            recent.entrySet().removeIf(e -> e.getValue().isEmpty() || e.getValue().peekLast() < now - WINDOW_MILLIS);
        }
        Deque<Long> times = recent.computeIfAbsent(client, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MILLIS) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
